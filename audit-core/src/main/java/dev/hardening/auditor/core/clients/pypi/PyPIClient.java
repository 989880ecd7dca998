package dev.hardening.auditor.core.clients.pypi;

import dev.hardening.auditor.core.facts.pypi.PyPIFileProvenance;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import okhttp3.HttpUrl;

/** PyPI JSON API and Integrity API client. STUB: signatures agreed, implementation in progress. */
public final class PyPIClient {
    public PyPIClient(HttpGateway gateway, HttpUrl baseUrl) {
    }

    public PyPIProject project(String name) throws FetchException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public PyPIFileProvenance provenance(String project, String version, String filename) throws FetchException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
