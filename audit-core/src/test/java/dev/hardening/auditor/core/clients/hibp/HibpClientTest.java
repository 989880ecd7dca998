package dev.hardening.auditor.core.clients.hibp;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.html;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static dev.hardening.auditor.core.clients.ClientTestSupport.status;
import static dev.hardening.auditor.core.clients.ClientTestSupport.truncated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.hibp.Breach;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HostCredential;
import dev.hardening.auditor.core.secrets.Secret;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HibpClientTest {
    private static final String KEY = "0123456789abcdef0123456789abcdef";

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

    private HibpClient client() {
        return new HibpClient(gateway(), server.url("/api/v3/"), true);
    }

    @Test
    void breachedAccountReadsEveryBreach() throws Exception {
        server.enqueue(json(fixture("hibp/breachedaccount_full.json")));

        List<Breach> breaches = client().breachedAccount("test+tag@example.com");

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine())
                .isEqualTo("GET /api/v3/breachedaccount/test%2Btag%40example.com?truncateResponse=false HTTP/1.1");
        assertThat(request.getHeaders().get("hibp-api-key")).as("attached by the HTTP layer only").isNull();
        assertThat(request.getHeaders().get("User-Agent")).as("HIBP refuses requests without one").isNotBlank();
        assertThat(breaches).extracting(Breach::name).containsExactly("Adobe", "Gawker", "Stratfor");
        Breach adobe = breaches.get(0);
        assertThat(adobe.title()).isEqualTo("Adobe");
        assertThat(adobe.domain()).isEqualTo("adobe.com");
        assertThat(adobe.breachDate()).contains(LocalDate.of(2013, 10, 4));
        assertThat(adobe.addedDate()).contains(Instant.parse("2013-12-04T00:00:00Z"));
        assertThat(adobe.pwnCount()).isEqualTo(152445165L);
        assertThat(adobe.dataClasses()).containsExactly("Email addresses", "Password hints", "Passwords", "Usernames");
        assertThat(adobe.verified()).isTrue();
        assertThat(adobe.sensitive()).isFalse();
        assertThat(adobe.exposesPasswords()).isTrue();
        assertThat(breaches.get(2).dataClasses()).contains("Credit cards");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void notFoundMeansNoBreaches() throws Exception {
        server.enqueue(status(404));

        assertThat(client().breachedAccount("nobody@example.com")).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void withoutKeyNoRequestIsMade() {
        HibpClient keyless = new HibpClient(gateway(), server.url("/api/v3/"), false);

        FetchException e = fetchFailure(() -> keyless.breachedAccount("a@example.com"), Cause.NO_CREDENTIAL);

        assertThat(e.unavailability().reason()).contains("needs an HIBP API key (https://haveibeenpwned.com/API/Key)");
        assertThat(e.unavailability().needed()).isEqualTo("set HIBP_API_KEY");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void theHttpLayerSendsTheKeyAndARefusedKeyIsNeverEchoed() throws Exception {
        server.enqueue(json(401, "{\"statusCode\": 401, \"message\": \"Access denied due to invalid hibp-api-key.\"}"));
        HostCredential key = HostCredential.header("HIBP_API_KEY", server.url("/api/v3/"), "hibp-api-key", Secret.of(KEY));
        HibpClient client = new HibpClient(gateway(List.of(key)), server.url("/api/v3/"), true);

        FetchException e = fetchFailure(() -> client.breachedAccount("a@example.com"), Cause.UNAUTHORIZED);

        assertThat(server.takeRequest().getHeaders().get("hibp-api-key")).isEqualTo(KEY);
        assertThat(e.getMessage()).doesNotContain(KEY);
        assertThat(e.unavailability().needed()).doesNotContain(KEY);
    }

    @Test
    void addressIsMaskedInMessages() {
        server.enqueue(status(500));

        FetchException e = fetchFailure(() -> client().breachedAccount("john.doe@example.com"), Cause.SERVER_ERROR);

        assertThat(e.getMessage()).contains("j***@example.com").doesNotContain("john.doe");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void truncatedHtmlAndNonListAnswersAreMalformed() {
        server.enqueue(json(truncated(fixture("hibp/breachedaccount_full.json"))));
        server.enqueue(html(200));
        server.enqueue(json("{\"Name\": \"Adobe\"}"));

        fetchFailure(() -> client().breachedAccount("a@example.com"), Cause.MALFORMED);
        fetchFailure(() -> client().breachedAccount("a@example.com"), Cause.MALFORMED);
        fetchFailure(() -> client().breachedAccount("a@example.com"), Cause.MALFORMED);
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void notAnAddressIsRefusedBeforeAnyRequest() {
        fetchFailure(() -> client().breachedAccount("not-an-address"), Cause.NOT_CONFIGURED);
        fetchFailure(() -> client().breachedAccount("a@b/../c"), Cause.NOT_CONFIGURED);
        assertThat(server.getRequestCount()).isZero();
    }
}
