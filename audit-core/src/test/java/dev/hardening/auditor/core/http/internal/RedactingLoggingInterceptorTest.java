package dev.hardening.auditor.core.http.internal;

import static dev.hardening.auditor.core.http.TestHttp.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HostCredential;
import dev.hardening.auditor.core.http.TestHttp;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.secrets.Secret;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The HTTP log, at its most verbose, never holds a credential. */
class RedactingLoggingInterceptorTest {
    private static final String MASK = RedactingLoggingInterceptor.MASK;
    private final MockWebServer server = new MockWebServer();
    private final Logger logger = Logger.getLogger("dev.hardening.auditor.http");
    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            lines.add(record.getLevel() + " " + record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;
    private boolean previousUseParent;

    @BeforeEach
    void start() throws Exception {
        server.start();
        previousLevel = logger.getLevel();
        previousUseParent = logger.getUseParentHandlers();
        capture.setLevel(Level.FINEST);
        logger.setLevel(Level.FINEST);
        logger.setUseParentHandlers(false);
        logger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        logger.removeHandler(capture);
        logger.setLevel(previousLevel);
        logger.setUseParentHandlers(previousUseParent);
        server.close();
    }

    @ParameterizedTest
    @CsvSource({
            "https://example.com/a?access_token=s3cr3tvalue&page=2, https://example.com/a?access_token=" + MASK + "&page=2",
            "https://example.com/a?api_key=s3cr3tvalue, https://example.com/a?api_key=" + MASK,
            "https://example.com/a?client_secret=s3cr3tvalue&per_page=100, https://example.com/a?client_secret=" + MASK + "&per_page=100",
            "https://example.com/a?code=s3cr3tvalue, https://example.com/a?code=" + MASK,
            "https://example.com/a?X-Amz-Credential=s3cr3tvalue&X-Amz-Signature=s3cr3tvalue, https://example.com/a?X-Amz-Credential=" + MASK + "&X-Amz-Signature=" + MASK,
            "https://example.com/a?sv=2021&sig=s3cr3tvalue, https://example.com/a?sv=2021&sig=" + MASK,
            "https://user:s3cr3tvalue@example.com/a, https://example.com/a",
            "https://s3cr3tvalue@example.com/a?q=1, https://example.com/a?q=1",
    })
    void redactsCredentialsInUrls(String url, String redacted) {
        assertThat(RedactingLoggingInterceptor.redact(HttpUrl.get(url))).isEqualTo(redacted).doesNotContain("s3cr3tvalue");
    }

    @Test
    void leavesOrdinaryQueryParametersAlone() {
        String url = "https://api.github.com/search/code?q=jacquev6&per_page=100&page=3";
        assertThat(RedactingLoggingInterceptor.redact(HttpUrl.get(url))).isEqualTo(url);
    }

    @Test
    void aFullRequestWithCredentialsLogsNoSecretAtTheFinestLevel() throws Exception {
        HttpUrl base = server.url("/");
        String hibpKey = "hibp-key-1d2c3b4a5f6e";
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(base),
                HostCredential.header("HIBP_API_KEY", base, "hibp-api-key", Secret.of(hibpKey))));
        server.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", server.url("/next?token=location-secret-99&page=2")).build());
        server.enqueue(new MockResponse.Builder()
                .addHeader("Set-Cookie", "session=cookie-secret-77; HttpOnly")
                .addHeader("X-OAuth-Scopes", "repo, read:org")
                .body("{}").build());
        server.enqueue(new MockResponse.Builder().code(404).build());
        HttpUrl url = base.newBuilder("/user?access_token=query-secret-55&page=1").username("me").password("password-secret-33").build();

        http.gateway().get(ApiRequest.get(Platform.GITHUB, url, "GET /user").withHeader("X-GitHub-OTP", "123456"));
        try {
            http.gateway().get(ApiRequest.get(Platform.GITHUB, base.resolve("/missing?key=query-secret-55"), "GET /missing"));
        } catch (FetchException expected) {
            // logged too
        }

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        String log = String.join("\n", lines);
        assertThat(lines).anyMatch(l -> l.startsWith("FINE ") && l.contains("GET ") && l.contains("→ 200"));
        assertThat(lines).anyMatch(l -> l.startsWith("FINER "));
        assertThat(log).contains("access_token=" + MASK, "page=1", "X-OAuth-Scopes: repo, read:org");
        assertThat(log).doesNotContain(TOKEN, hibpKey, "query-secret-55", "password-secret-33", "cookie-secret-77",
                "location-secret-99", "123456");
    }

    @Test
    void redactsTheTargetOfARedirectThatIsNotFollowed() throws Exception {
        TestHttp http = new TestHttp();
        server.enqueue(new MockResponse.Builder().code(302)
                .addHeader("Location", "/download?X-Amz-Signature=location-secret-99&part=1").build());

        try {
            http.gateway(http.client().newBuilder().followRedirects(false).build())
                    .get(TestHttp.get(server.url("/tarball")));
        } catch (FetchException expected) {
            // a redirect not followed is an error, and is logged
        }

        String log = String.join("\n", lines);
        assertThat(log).contains("Location: " + server.url("/download") + "?X-Amz-Signature=" + MASK + "&part=1");
        assertThat(log).doesNotContain("location-secret-99");
    }

    @Test
    void logsNothingBelowDebug() throws Exception {
        logger.setLevel(Level.INFO);
        TestHttp http = new TestHttp();
        server.enqueue(new MockResponse.Builder().body("{}").build());

        http.gateway().get(TestHttp.get(server.url("/user")));

        assertThat(lines).isEmpty();
    }
}
