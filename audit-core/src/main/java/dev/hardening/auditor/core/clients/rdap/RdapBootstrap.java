package dev.hardening.auditor.core.clients.rdap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.FetchException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * The IANA RDAP bootstrap for DNS (RFC 9224): {@code services} is a list of
 * {@code [[labels...], [server URLs...]]}. A domain is served by the entry whose label matches the
 * most trailing labels of the domain.
 */
final class RdapBootstrap {
    private final Map<String, HttpUrl> serverByLabel;

    private RdapBootstrap(Map<String, HttpUrl> serverByLabel) {
        this.serverByLabel = Map.copyOf(serverByLabel);
    }

    static RdapBootstrap parse(ApiRequest request, JsonNode json) throws FetchException {
        JsonNode services = json.path("services");
        if (!services.isArray()) {
            throw Failures.malformed("the IANA RDAP bootstrap has no \"services\" list (" + request.url() + ")",
                    "retry later, or set --rdap-url to an RDAP server", 200);
        }
        Map<String, HttpUrl> servers = new HashMap<>();
        for (JsonNode service : services) {
            // An entry of the wrong shape is skipped; one bad line must not hide every other TLD.
            List<JsonNode> parts = JsonFields.elements(service);
            if (parts.size() < 2) {
                continue;
            }
            Optional<HttpUrl> server = preferredServer(JsonFields.elements(parts.get(1)));
            if (server.isEmpty()) {
                continue;
            }
            for (JsonNode label : JsonFields.elements(parts.get(0))) {
                JsonFields.text(label).ifPresent(l -> servers.putIfAbsent(l.toLowerCase(Locale.ROOT), server.get()));
            }
        }
        return new RdapBootstrap(servers);
    }

    /** The server for the longest matching suffix of {@code domain} (already lower-case ASCII). */
    Optional<HttpUrl> serverFor(String domain) {
        String candidate = domain;
        while (true) {
            HttpUrl server = serverByLabel.get(candidate);
            if (server != null) {
                return Optional.of(server);
            }
            int dot = candidate.indexOf('.');
            if (dot < 0) {
                return Optional.empty();
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    /** RFC 9224 lists the URLs in no order and lets clients choose: HTTPS first. */
    private static Optional<HttpUrl> preferredServer(List<JsonNode> urls) {
        HttpUrl fallback = null;
        for (JsonNode u : urls) {
            HttpUrl url = JsonFields.text(u).map(HttpUrl::parse).orElse(null);
            if (url == null) {
                continue;
            }
            if (url.isHttps()) {
                return Optional.of(url);
            }
            if (fallback == null) {
                fallback = url;
            }
        }
        return Optional.ofNullable(fallback);
    }
}
