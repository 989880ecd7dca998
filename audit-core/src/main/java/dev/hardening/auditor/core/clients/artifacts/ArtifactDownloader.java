package dev.hardening.auditor.core.clients.artifacts;

import dev.hardening.auditor.core.http.HttpGateway;

/** Downloads published artifacts (npm tarballs, PyPI wheels and sdists) as bounded streams. */
public final class ArtifactDownloader {
    private final HttpGateway gateway;

    public ArtifactDownloader(HttpGateway gateway) {
        this.gateway = gateway;
    }
}
