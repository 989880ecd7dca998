package dev.hardening.auditor.core.clients.hibp;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.html;
import static dev.hardening.auditor.core.clients.ClientTestSupport.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PwnedPasswordsClientTest {
    private MockWebServer server;
    private PwnedPasswordsClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        client = new PwnedPasswordsClient(gateway(), server.url("/"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse text(String body) {
        return new MockResponse.Builder().setHeader("Content-Type", "text/plain").body(body).build();
    }

    private static String sha1(String s) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(
                MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void rangeSendsOnlyThePrefixWithPaddingAndFindsThePassword() throws Exception {
        server.enqueue(text(fixture("hibp/pwnedpasswords_range_5BAA6.txt")));
        String hash = sha1("password");

        PwnedPasswordRange range = client.range(hash.substring(0, 5));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /range/5BAA6 HTTP/1.1");
        assertThat(request.getHeaders().get("Add-Padding")).isEqualTo("true");
        assertThat(range.counts()).hasSize(574);
        assertThat(range.occurrences(hash)).isEqualTo(3861493L);
        assertThat(range.occurrences("5BAA6" + "0".repeat(35))).isZero();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void lowerCasePrefixIsSentUpperCase() throws Exception {
        server.enqueue(text(fixture("hibp/pwnedpasswords_range_5BAA6.txt")));

        client.range("5baa6");

        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /range/5BAA6 HTTP/1.1");
    }

    @Test
    void paddingLinesWithCountZeroAreIgnored() throws Exception {
        // With Add-Padding the service appends random suffixes with count 0 (the recording has none).
        String padded = fixture("hibp/pwnedpasswords_range_5BAA6.txt").strip()
                + "\r\nFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF:0\r\n0000000000000000000000000000000000A:0\r\n";
        server.enqueue(text(padded));

        PwnedPasswordRange range = client.range("5BAA6");

        assertThat(range.counts()).hasSize(574).doesNotContainKey("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF");
    }

    @Test
    void prefixMustBeFiveHexCharactersAndIsNeverEchoed() {
        for (String bad : new String[] {"5BAA", "5BAA61", "GGGGG", "hunter2", "", " 5BAA"}) {
            assertThatThrownBy(() -> client.range(bad)).isInstanceOf(IllegalArgumentException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(bad.isEmpty() ? "\u0000" : bad));
        }
        assertThatThrownBy(() -> client.range(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void truncatedHtmlEmptyAndServerErrorsAreFailuresNotCleanResults() {
        String recording = fixture("hibp/pwnedpasswords_range_5BAA6.txt");
        server.enqueue(text(recording.substring(0, recording.indexOf(':', 1000) - 3)));
        server.enqueue(html(200));
        server.enqueue(text(""));
        server.enqueue(status(500));

        fetchFailure(() -> client.range("5BAA6"), Cause.MALFORMED);
        fetchFailure(() -> client.range("5BAA6"), Cause.MALFORMED);
        fetchFailure(() -> client.range("5BAA6"), Cause.MALFORMED);
        fetchFailure(() -> client.range("5BAA6"), Cause.SERVER_ERROR);
        assertThat(server.getRequestCount()).isEqualTo(4);
    }
}
