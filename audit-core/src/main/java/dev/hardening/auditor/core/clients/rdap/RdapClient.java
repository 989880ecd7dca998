package dev.hardening.auditor.core.clients.rdap;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.Timestamps;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.rdap.DomainRegistration;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.model.Platform;
import java.net.IDN;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * RDAP client for domain registrations. With a fixed server ({@code --rdap-url}) every domain is
 * asked there; otherwise the IANA bootstrap file names the server of each TLD. The bootstrap is
 * fetched once per client (one audit), and a failure to fetch it is remembered too, so an outage
 * costs one request, not one per address.
 */
public final class RdapClient {
    /** AFNIC (.fr) once refused {@code application/rdap+json} alone; offering JSON too works everywhere. */
    static final String ACCEPT = "application/rdap+json, application/json";

    private final HttpGateway gateway;
    private final Optional<HttpUrl> fixedServer;
    private final HttpUrl bootstrapUrl;
    private final Object bootstrapLock = new Object();
    private RdapBootstrap bootstrap;
    private FetchException bootstrapFailure;

    public RdapClient(HttpGateway gateway, Optional<HttpUrl> fixedServer, HttpUrl bootstrap) {
        this.gateway = gateway;
        this.fixedServer = fixedServer;
        this.bootstrapUrl = bootstrap;
    }

    /** {@code GET {server}/domain/{domain}}; a 404 means nobody holds the domain. */
    public DomainRegistration domain(String registrableDomain) throws FetchException {
        String domain = normalise(registrableDomain);
        HttpUrl server = fixedServer.isPresent() ? fixedServer.get() : serverFor(domain);
        HttpUrl url = server.newBuilder().addPathSegment("domain").addPathSegment(domain).build();
        ApiRequest request = ApiRequest.get(Platform.RDAP, url, "GET /domain/" + domain + " (" + server.host() + ")")
                .withHeader("Accept", ACCEPT);
        ApiResponse response = gateway.get(request, status -> status == 404 || status >= 200 && status < 300);
        String serverName = server.toString();
        if (response.status() == 404) {
            // A web page, not an RDAP answer: the URL is wrong, and "not registered" would be a false alarm.
            if (looksLikeHtml(response)) {
                throw Failures.malformed(server.host() + " answered " + request.resource()
                                + " with an HTML page (HTTP 404), not an RDAP response",
                        "check --rdap-url (AUDITOR_RDAP_URL); it must be an RDAP base URL", 404);
            }
            return new DomainRegistration(domain, false, Optional.empty(), Optional.empty(), List.of(), serverName);
        }
        return parse(domain, gateway.parseJson(request, response), serverName);
    }

    private static boolean looksLikeHtml(ApiResponse response) {
        String type = Optional.ofNullable(response.header("Content-Type")).orElse("").toLowerCase(Locale.ROOT);
        return type.startsWith("text/html") || response.bodyText().stripLeading().startsWith("<");
    }

    static DomainRegistration parse(String domain, JsonNode json, String server) {
        Optional<Instant> registered = Optional.empty();
        Optional<Instant> expires = Optional.empty();
        for (JsonNode event : JsonFields.elements(json.path("events"))) {
            String action = JsonFields.textOrEmpty(event, "eventAction").toLowerCase(Locale.ROOT);
            Optional<Instant> date = JsonFields.text(event, "eventDate").flatMap(Timestamps::parse);
            // "last changed", "transfer", "last update of RDAP database" say nothing about expiry.
            if (action.equals("registration") && registered.isEmpty()) {
                registered = date;
            } else if (action.equals("expiration") && expires.isEmpty()) {
                expires = date;
            }
        }
        return new DomainRegistration(domain, true, registered, expires, JsonFields.strings(json, "status"), server);
    }

    private HttpUrl serverFor(String domain) throws FetchException {
        RdapBootstrap b = bootstrap();
        return b.serverFor(domain).orElseThrow(() -> {
            String tld = domain.substring(domain.lastIndexOf('.') + 1);
            return Failures.of(Cause.NOT_CONFIGURED, "the IANA RDAP bootstrap lists no RDAP server for ." + tld
                            + ", so the registration of " + domain + " cannot be looked up",
                    "set --rdap-url (AUDITOR_RDAP_URL) to an RDAP server that answers for ." + tld
                            + ", or check the domain's expiry with its registry", 0);
        });
    }

    private RdapBootstrap bootstrap() throws FetchException {
        synchronized (bootstrapLock) {
            if (bootstrap != null) {
                return bootstrap;
            }
            if (bootstrapFailure != null) {
                throw new FetchException(bootstrapFailure.unavailability(), bootstrapFailure.status());
            }
            ApiRequest request = ApiRequest.get(Platform.RDAP, bootstrapUrl, "GET IANA RDAP bootstrap (dns.json)")
                    .withHeader("Accept", "application/json");
            try {
                bootstrap = RdapBootstrap.parse(request, gateway.getJson(request));
                return bootstrap;
            } catch (FetchException e) {
                bootstrapFailure = e;
                throw e;
            }
        }
    }

    /** Lower case, no trailing dot, internationalised names in their ASCII (punycode) form. */
    static String normalise(String domain) throws FetchException {
        String d = domain == null ? "" : domain.trim().toLowerCase(Locale.ROOT);
        while (d.endsWith(".")) {
            d = d.substring(0, d.length() - 1);
        }
        try {
            d = IDN.toASCII(d, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException invalid) {
            d = "";
        }
        if (d.isEmpty() || !d.contains(".") || !d.matches("[a-z0-9.-]+") || d.contains("..")) {
            throw Failures.invalidName("'" + (domain == null ? "" : domain.trim()) + "' is not a domain name",
                    "check the address the domain came from");
        }
        return d;
    }
}
