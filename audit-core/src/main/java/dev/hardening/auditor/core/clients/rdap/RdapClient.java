package dev.hardening.auditor.core.clients.rdap;

import dev.hardening.auditor.core.facts.rdap.DomainRegistration;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import java.util.Optional;
import okhttp3.HttpUrl;

/** RDAP client. STUB: signatures agreed, implementation in progress. */
public final class RdapClient {
    public RdapClient(HttpGateway gateway, Optional<HttpUrl> fixedServer, HttpUrl bootstrap) {
    }

    public DomainRegistration domain(String registrableDomain) throws FetchException {
        throw new UnsupportedOperationException("not yet implemented");
    }
}
