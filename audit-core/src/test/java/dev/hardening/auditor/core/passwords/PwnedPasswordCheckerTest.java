package dev.hardening.auditor.core.passwords;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.clients.hibp.PwnedPasswordsClient;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PwnedPasswordCheckerTest {
    private MockWebServer server;
    private PwnedPasswordChecker checker;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        checker = new PwnedPasswordChecker(new PwnedPasswordsClient(gateway(), server.url("/")));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBreachedPasswordIsFoundAndOnlyTheFiveCharacterPrefixIsSent() throws Exception {
        server.enqueue(range());
        char[] password = "password".toCharArray();

        PwnedPassword result = checker.check(password);

        assertThat(result.occurrences()).isEqualTo(3861493L);
        assertThat(result.suffixesInRange()).isEqualTo(574);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /range/5BAA6 HTTP/1.1");
        assertThat(request.getHeaders().get("Add-Padding")).isEqualTo("true");
        assertThat(request.getBody() == null ? 0 : request.getBody().size()).isZero();
        String everythingSent = request.getRequestLine() + "\n" + request.getHeaders();
        String hash = sha1("password");
        assertThat(everythingSent).doesNotContain("password").doesNotContain(hash.substring(5, 12))
                .doesNotContain(hash.substring(5, 12).toLowerCase());
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(password).containsExactly("password".toCharArray()); // the caller's array is the caller's to wipe
    }

    @Test
    void aPasswordNotInTheRangeIsNotPwnedAndPaddingNeverMatches() throws Exception {
        // SHA-1("correct horse battery staple with a twist") is not in the recorded range; with padding
        // the service adds random suffixes with count 0, which must not count as a match.
        String hash = sha1("Tr0ub4dor&3-unique-to-this-test");
        server.enqueue(new MockResponse.Builder().body("0018A45C4D1DEF81644B54AB7F969B88D65:1\r\n"
                + hash.substring(5) + ":0\r\n").build());

        PwnedPassword result = checker.check("Tr0ub4dor&3-unique-to-this-test".toCharArray());

        assertThat(result.pwned()).isFalse();
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /range/" + hash.substring(0, 5) + " HTTP/1.1");
    }

    @Test
    void nonAsciiPasswordsAreHashedAsUtf8() throws Exception {
        String hash = sha1("pässwörd");
        server.enqueue(new MockResponse.Builder().body(hash.substring(5) + ":42\r\n").build());

        assertThat(checker.check("pässwörd".toCharArray()).occurrences()).isEqualTo(42);
    }

    @Test
    void theHashNeverShowsItselfAndIsWipedOnClose() {
        PasswordHash hash = PasswordHash.of("password".toCharArray());
        assertThat(hash.toString()).doesNotContain("5BAA6");
        assertThat(hash.rangePrefix()).isEqualTo("5BAA6");
        assertThat(hash.hasSuffix("1E4C9B93F3F0682250B6CF8331B7EE68FD8")).isTrue();
        assertThat(hash.hasSuffix("1e4c9b93f3f0682250b6cf8331b7ee68fd8")).isTrue();
        hash.close();
        assertThat(hash.rangePrefix()).isEqualTo("00000");
    }

    @Test
    void anEmptyPasswordIsRefusedWithoutARequest() {
        assertThatThrownBy(() -> checker.check(new char[0])).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.getRequestCount()).isZero();
    }

    private static MockResponse range() {
        return new MockResponse.Builder().setHeader("Content-Type", "text/plain")
                .body(fixture("hibp/pwnedpasswords_range_5BAA6.txt")).build();
    }

    private static String sha1(String s) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
