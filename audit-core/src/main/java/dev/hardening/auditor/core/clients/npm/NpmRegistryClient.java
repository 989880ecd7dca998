package dev.hardening.auditor.core.clients.npm;

import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmProfile;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import java.util.List;
import okhttp3.HttpUrl;

/** npm registry client. STUB: signatures agreed, implementation in progress. */
public final class NpmRegistryClient {
    public NpmRegistryClient(HttpGateway gateway, HttpUrl baseUrl, boolean hasToken) {
    }

    public NpmProfile profile() throws FetchException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public NpmPackument packument(String name) throws FetchException {
        throw new UnsupportedOperationException("not yet implemented");
    }

    public List<String> packagesOf(String user) throws FetchException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
