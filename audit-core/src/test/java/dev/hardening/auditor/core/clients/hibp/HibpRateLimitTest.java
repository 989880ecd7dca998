package dev.hardening.auditor.core.clients.hibp;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpClients;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.http.HttpSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HIBP answers 429 with {@code retry-after} (seconds) when the key's rate is exceeded; the client honours it. */
class HibpRateLimitTest {
    private static final String TOO_MANY = "{\"statusCode\": 429, \"message\": \"Rate limit is exceeded. Try again in 2 seconds.\"}";
    private final List<Duration> waits = new ArrayList<>();
    private MockWebServer server;
    private HibpClient client;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
        HttpSettings settings = HttpSettings.defaults().withMaxRetries(0)
                .withWaits(Duration.ofSeconds(60), Duration.ofMillis(1), Duration.ofSeconds(10), Duration.ofSeconds(30));
        var http = HttpClients.forAudit(settings, List.of(), waits::add,
                Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC), List.of());
        client = new HibpClient(new HttpGateway(http, new ObjectMapper(), ProgressListener.NONE, 1), server.url("/api/v3/"), true);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aShortRetryAfterIsWaitedOutAndTheRequestRepeated() throws Exception {
        server.enqueue(tooMany("2"));
        server.enqueue(json(fixture("hibp/breachedaccount_full.json")));

        assertThat(client.breachedAccount("a@example.com")).hasSize(3);
        assertThat(waits).containsExactly(Duration.ofSeconds(2));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aLongRetryAfterIsUnknownWithTheTimeItResets() {
        server.enqueue(tooMany("3600"));

        FetchException e = fetchFailure(() -> client.breachedAccount("a@example.com"), Cause.RATE_LIMITED);

        assertThat(e.unavailability().reason()).contains("rate limit", "13:00:00 UTC");
        assertThat(waits).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    private static MockResponse tooMany(String seconds) {
        return new MockResponse.Builder().code(429).setHeader("retry-after", seconds)
                .setHeader("Content-Type", "application/json").body(TOO_MANY).build();
    }
}
