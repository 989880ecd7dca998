package dev.hardening.auditor.core.clients.rdap;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.html;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static dev.hardening.auditor.core.clients.ClientTestSupport.status;
import static dev.hardening.auditor.core.clients.ClientTestSupport.truncated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.rdap.DomainRegistration;
import dev.hardening.auditor.core.http.FetchException;
import java.time.Instant;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class RdapClientTest {
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private RdapClient fixed(String path) {
        return new RdapClient(gateway(), Optional.of(server.url(path)), server.url("/bootstrap/dns.json"));
    }

    private RdapClient viaBootstrap() {
        return new RdapClient(gateway(), Optional.empty(), server.url("/bootstrap/dns.json"));
    }

    /** The real bootstrap file with its servers moved to the mock server (one path per registry). */
    private String bootstrap(String fixture) {
        return fixture(fixture)
                .replace("https://rdap.nic.cz", server.url("/cz").toString())
                .replace("https://rdap.registro.br/", server.url("/br/").toString())
                .replace("https://rdap.nic.ar", server.url("/ar").toString());
    }

    @Test
    void fixedServerReadsRegistrationExpiryAndStatus() throws Exception {
        server.enqueue(json(fixture("rdap/domain_google.com_verisign_vcr_2021-12-17.json")));

        DomainRegistration r = fixed("/com/v1/").domain("Google.COM.");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /com/v1/domain/google.com HTTP/1.1");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/rdap+json, application/json");
        assertThat(r.domain()).isEqualTo("google.com");
        assertThat(r.registered()).isTrue();
        assertThat(r.registeredAt()).contains(Instant.parse("1997-09-15T04:00:00Z"));
        assertThat(r.expiresAt()).contains(Instant.parse("2028-09-14T04:00:00Z"));
        assertThat(r.statuses()).contains("client delete prohibited", "server update prohibited").hasSize(6);
        assertThat(r.server()).isEqualTo(server.url("/com/v1/").toString());
        assertThat(server.getRequestCount()).as("no bootstrap with a fixed server").isEqualTo(1);
    }

    @Test
    void afnicLastChangedIsNotTakenForExpiry() throws Exception {
        server.enqueue(json(fixture("rdap/domain_airport.fr_rdap.nic.fr_vcr_2022-12-29.json")));

        DomainRegistration r = fixed("/").domain("airport.fr");

        assertThat(r.registeredAt()).contains(Instant.parse("2016-01-27T00:33:10Z"));
        assertThat(r.expiresAt()).contains(Instant.parse("2023-01-27T00:33:10Z"));
        assertThat(r.statuses()).containsExactly("inactive");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /domain/airport.fr HTTP/1.1");
    }

    @Test
    void bootstrapIsFetchedOnceAndServersWithoutTrailingSlashWork() throws Exception {
        server.enqueue(json(bootstrap("rdap/bootstrap_dns_openrdap_2017.json")));
        server.enqueue(json(fixture("rdap/domain_example.cz_rdap.nic.cz.json")));
        server.enqueue(json(404, fixture("rdap/error_404_domain_not_found_centralnic.json")));
        RdapClient client = viaBootstrap();

        DomainRegistration cz = client.domain("example.cz");
        DomainRegistration br = client.domain("free-to-register.com.br");

        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /bootstrap/dns.json HTTP/1.1");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /cz/domain/example.cz HTTP/1.1");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /br/domain/free-to-register.com.br HTTP/1.1");
        assertThat(server.getRequestCount()).isEqualTo(3);
        // Offsets written as +00:00 by CZ.NIC; the 2019 expiry of the recording.
        assertThat(cz.registeredAt()).contains(Instant.parse("2004-08-30T22:55:00Z"));
        assertThat(cz.expiresAt()).contains(Instant.parse("2019-08-30T12:00:00Z"));
        assertThat(cz.statuses()).containsExactly("active");
        assertThat(br.registered()).isFalse();
        assertThat(br.expiresAt()).isEmpty();
    }

    @Test
    void tldWithoutRdapServerIsNotConfigured() {
        server.enqueue(json(bootstrap("rdap/bootstrap_dns_openrdap_2017.json")));

        FetchException e = fetchFailure(() -> viaBootstrap().domain("example.com"), Cause.NOT_CONFIGURED);

        assertThat(e.unavailability().reason()).contains(".com").contains("example.com");
        assertThat(e.unavailability().needed()).contains("--rdap-url");
        assertThat(server.getRequestCount()).as("only the bootstrap").isEqualTo(1);
    }

    @Test
    void malformedServiceEntriesAreSkipped() throws Exception {
        server.enqueue(json(bootstrap("rdap/bootstrap_dns_bad_services_openrdap.json")));
        server.enqueue(json(fixture("rdap/domain_example.cz_rdap.nic.cz.json")));

        assertThat(viaBootstrap().domain("example.cz").registered()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void bootstrapFailureIsRememberedForTheAudit() {
        server.enqueue(status(502));
        RdapClient client = viaBootstrap();

        fetchFailure(() -> client.domain("example.cz"), Cause.SERVER_ERROR);
        fetchFailure(() -> client.domain("example.ar"), Cause.SERVER_ERROR);

        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void bootstrapWithoutServicesIsMalformed() {
        server.enqueue(json("{\"description\": \"RDAP bootstrap file for Domain Name System registrations\"}"));

        fetchFailure(() -> viaBootstrap().domain("example.cz"), Cause.MALFORMED);
    }

    @Test
    void notFoundMeansUnregistered() throws Exception {
        server.enqueue(json(404, fixture("rdap/error_404_domain_not_found_centralnic.json")));

        DomainRegistration r = fixed("/design/").domain("jsiqpmcurt.design");

        assertThat(r.registered()).isFalse();
        assertThat(r.registeredAt()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void htmlNotFoundPageIsAWrongUrlNotAnUnregisteredDomain() {
        server.enqueue(html(404));

        FetchException e = fetchFailure(() -> fixed("/").domain("example.org"), Cause.MALFORMED);

        assertThat(e.unavailability().needed()).contains("--rdap-url");
    }

    @Test
    void serverErrorTruncatedJsonAndHtmlFail() {
        server.enqueue(status(500));
        server.enqueue(json(truncated(fixture("rdap/domain_google.com_verisign_vcr_2021-12-17.json"))));
        server.enqueue(html(200));

        fetchFailure(() -> fixed("/").domain("google.com"), Cause.SERVER_ERROR);
        fetchFailure(() -> fixed("/").domain("google.com"), Cause.MALFORMED);
        fetchFailure(() -> fixed("/").domain("google.com"), Cause.MALFORMED);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void domainNamesAreNormalisedOrRefused() throws Exception {
        assertThat(RdapClient.normalise(" Example.CZ. ")).isEqualTo("example.cz");
        assertThat(RdapClient.normalise("bücher.de")).isEqualTo("xn--bcher-kva.de");
        fetchFailure(() -> RdapClient.normalise("localhost"), Cause.NOT_CONFIGURED);
        fetchFailure(() -> RdapClient.normalise("a/b.com"), Cause.NOT_CONFIGURED);
        fetchFailure(() -> RdapClient.normalise(""), Cause.NOT_CONFIGURED);
    }
}
