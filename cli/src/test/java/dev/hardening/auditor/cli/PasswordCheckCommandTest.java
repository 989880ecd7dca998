package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordCheckCommandTest {
    private MockWebServer server;

    @BeforeEach
    void start() throws IOException {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBreachedPasswordFailsAndOnlyTheFiveCharacterPrefixLeaves() throws Exception {
        server.enqueue(new MockResponse.Builder().setHeader("Content-Type", "text/plain").body(range()).build());

        CliRun run = CliRun.withInput("password\n", Map.of(), "password-check", "--pwned-passwords-url", server.url("/").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("FAIL", "3,861,493 times");
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /range/5BAA6 HTTP/1.1");
        assertThat(request.getHeaders().get("Add-Padding")).isEqualTo("true");
        assertThat(request.getBody() == null ? 0 : request.getBody().size()).isZero();
        String suffix = sha1("password").substring(5);
        String sent = request.getRequestLine() + "\n" + request.getHeaders();
        assertThat(sent).doesNotContain("password").doesNotContainIgnoringCase(suffix.substring(0, 8));
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(run.all()).doesNotContainIgnoringCase(suffix).doesNotContainIgnoringCase(sha1("password"));
    }

    @Test
    void theTypedPasswordAppearsInNoOutput() throws Exception {
        String password = "Tr0ub4dor&3-horse";
        String hash = sha1(password);
        server.enqueue(new MockResponse.Builder().body(hash.substring(5) + ":42\r\n" + "F".repeat(35) + ":0\r\n").build());

        CliRun run = CliRun.withInput(password + "\n", Map.of(), "password-check", "--pwned-passwords-url", server.url("/").toString(),
                "--debug");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(run.out()).contains("42 times");
        assertThat(run.all()).doesNotContain(password).doesNotContain("Tr0ub4dor").doesNotContainIgnoringCase(hash.substring(5))
                .doesNotContainIgnoringCase(hash);
    }

    @Test
    void aPasswordNeverSeenPassesAndPaddingIsNotAMatch() throws Exception {
        String hash = sha1("a-unique-passphrase-for-this-test");
        server.enqueue(new MockResponse.Builder().body("0018A45C4D1DEF81644B54AB7F969B88D65:3\r\n" + hash.substring(5) + ":0\r\n").build());

        CliRun run = CliRun.withInput("a-unique-passphrase-for-this-test\r\n", Map.of(), "password-check", "--pwned-passwords-url",
                server.url("/").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).contains("PASS");
        assertThat(run.all()).doesNotContain("a-unique-passphrase-for-this-test");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /range/" + hash.substring(0, 5) + " HTTP/1.1");
    }

    @Test
    void noPasswordIsAUsageErrorWithoutARequest() {
        CliRun run = CliRun.withInput("", Map.of(), "password-check", "--pwned-passwords-url", server.url("/").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void aServiceFailureIsOneLineAndNeverEchoesThePassword() {
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());
        server.enqueue(new MockResponse.Builder().code(503).body("down").build());

        CliRun run = CliRun.withInput("hunter2-secret\n", Map.of(), "password-check", "--pwned-passwords-url", server.url("/").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).startsWith("error: the password could not be checked").doesNotContain("hunter2-secret")
                .doesNotContain("Exception");
    }

    @Test
    void thePasswordIsNeverAcceptedOnTheCommandLine() {
        CliRun run = CliRun.withInput("", Map.of(), "password-check", "hunter2");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(server.getRequestCount()).isZero();
    }

    private static String range() throws IOException {
        try (InputStream in = PasswordCheckCommandTest.class.getResourceAsStream("/fixtures/hibp/pwnedpasswords_range_5BAA6.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String sha1(String s) throws Exception {
        return HexFormat.of().withUpperCase().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
