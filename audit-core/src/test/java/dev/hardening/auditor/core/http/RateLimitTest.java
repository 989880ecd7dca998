package dev.hardening.auditor.core.http;

import static dev.hardening.auditor.core.http.TestHttp.NOW;
import static dev.hardening.auditor.core.http.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.Platform;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits, replayed from real GitHub responses: short waits are waited out (recorded, not
 * slept), long ones give up at once with the reset time and what would help.
 */
class RateLimitTest {
    private static final String PRIMARY = "error_403_primary_rate_limit_wiremock_mapping.json";
    private static final String SECONDARY = "error_403_secondary_rate_limit_wiremock_mapping.json";
    private final MockWebServer server = new MockWebServer();
    private TestHttp http;

    @BeforeEach
    void start() throws Exception {
        server.start();
        http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(server.url("/"))));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String epochSeconds(Duration fromNow) {
        return Long.toString(NOW.plus(fromNow).getEpochSecond());
    }

    private MockResponse user() {
        return new MockResponse.Builder().addHeader("Content-Type", "application/json; charset=utf-8")
                .body(HttpFixtures.text("get_user_authenticated.json")).build();
    }


    @Test
    void primaryLimitWithinTheMaximumWaitIsWaitedOutUntilTheResetThenRetried() throws Exception {
        server.enqueue(HttpFixtures.wiremock(PRIMARY, Map.of("X-RateLimit-Reset", epochSeconds(Duration.ofSeconds(30)))).build());
        server.enqueue(user());
        HttpGateway gateway = http.gateway();

        var user = gateway.getJson(get(server.url("/repos/hub4j-test-org/temp-testHandler_Fail")));

        assertThat(user.path("login").asText()).isNotEmpty();
        // Until the announced reset, plus a second for clock skew.
        assertThat(http.sleeper.waits()).containsExactly(Duration.ofSeconds(31));
        assertThat(server.getRequestCount()).isEqualTo(2);
        HostStats stats = gateway.stats().snapshot().get(server.url("/").host());
        assertThat(stats.retries()).isEqualTo(1);
        assertThat(stats.networkRequests()).isEqualTo(2);
        assertThat(stats.errors()).isZero();
    }

    @Test
    void primaryLimitBeyondTheMaximumWaitGivesUpAtOnceNamingTheResetTime() throws Exception {
        server.enqueue(HttpFixtures.wiremock(PRIMARY, Map.of("X-RateLimit-Reset", epochSeconds(Duration.ofMinutes(45)))).build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/repos/o/r"))));

        assertThat(e.cause()).isEqualTo(Cause.RATE_LIMITED);
        assertThat(e.unavailability().reason()).contains("GitHub rate limit", "GET /repos/o/r", "12:45:00 UTC");
        // The recorded response came with a token (limit 5,000): waiting is the only remedy.
        assertThat(e.unavailability().needed()).contains("wait until 12:45:00 UTC").doesNotContain("GITHUB_TOKEN");
        assertThat(http.sleeper.waits()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unauthenticatedPrimaryLimitSuggestsAToken() throws Exception {
        // 2013 recording: X-RateLimit-Remaining 0 and limit 60, without a reset time.
        HttpGateway gateway = new TestHttp(TestHttp.settings().withWaits(Duration.ofSeconds(30), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(20)), List.of()).gateway();
        server.enqueue(HttpFixtures.recorded("error_403_primary_rate_limit_unauthenticated.http.txt").build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/users/jacquev6"))));

        assertThat(e.cause()).isEqualTo(Cause.RATE_LIMITED);
        assertThat(e.unavailability().needed()).contains("GITHUB_TOKEN", "5,000");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void unauthenticatedPrimaryLimitWithoutResetTimeWaitsAMinute() throws Exception {
        server.enqueue(HttpFixtures.recorded("error_403_primary_rate_limit_unauthenticated.http.txt").build());
        server.enqueue(user());

        http.gateway().get(get(server.url("/users/jacquev6")));

        assertThat(http.sleeper.waits()).containsExactly(Duration.ofSeconds(60));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void secondaryLimitWithRetryAfterWaitsThatLong() throws Exception {
        server.enqueue(HttpFixtures.recorded("error_403_secondary_abuse_rate_limit.http.txt").build());
        server.enqueue(user());

        http.gateway().get(get(server.url("/search/code?q=jacquev6")));

        assertThat(http.sleeper.waits()).containsExactly(Duration.ofSeconds(60));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void secondaryLimitWithoutRetryAfterWaitsAtLeastAMinute() throws Exception {
        // X-RateLimit-Remaining is 4000 here: only the message tells it is a limit.
        server.enqueue(HttpFixtures.wiremock(SECONDARY, Map.of("X-RateLimit-Reset", epochSeconds(Duration.ofSeconds(3)))).build());
        server.enqueue(user());

        http.gateway().get(get(server.url("/repos/hub4j-test-org/temp-testHandler_Wait_Secondary_Limits")));

        assertThat(http.sleeper.waits()).containsExactly(Duration.ofSeconds(60));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void secondaryLimitBeyondTheMaximumWaitIsReportedAsSecondary() throws Exception {
        HttpGateway gateway = new TestHttp(TestHttp.settings().withWaits(Duration.ofSeconds(10), Duration.ofMillis(100),
                Duration.ofSeconds(5), Duration.ofSeconds(20)), List.of()).gateway();
        server.enqueue(HttpFixtures.recorded("error_403_secondary_abuse_rate_limit.http.txt").build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/search/code"))));

        assertThat(e.cause()).isEqualTo(Cause.RATE_LIMITED);
        assertThat(e.unavailability().reason()).contains("secondary rate limit", "12:01:00 UTC");
        assertThat(e.unavailability().needed()).contains("wait until 12:01:00 UTC");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void status429WithRetryAfterSecondsIsWaitedOut() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "7").body("Too Many Requests").build());
        server.enqueue(new MockResponse.Builder().body("{}").build());

        http.gateway().get(ApiRequest.get(Platform.NPM, server.url("/-/v1/search"), "GET /-/v1/search"));

        assertThat(http.sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void status429WithRetryAfterHttpDateIsWaitedOut() throws Exception {
        String at = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(90).atZone(ZoneOffset.UTC));
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", at).build());
        server.enqueue(new MockResponse.Builder().body("{}").build());

        http.gateway().get(ApiRequest.get(Platform.PYPI, server.url("/pypi/x/json"), "GET /pypi/x/json"));

        assertThat(http.sleeper.waits()).containsExactly(Duration.ofSeconds(90));
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void status429BeyondTheMaximumWaitNamesTheRegistryPlainly() throws Exception {
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "3600").build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway()
                .get(ApiRequest.get(Platform.NPM, server.url("/-/v1/search"), "GET /-/v1/search")));

        assertThat(e.cause()).isEqualTo(Cause.RATE_LIMITED);
        assertThat(e.unavailability().reason()).startsWith("npm rate limit").doesNotContain("secondary").contains("13:00:00 UTC");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void givesUpAfterTwoWaitsWhenTheLimitPersists() throws Exception {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "1").build());
        }
        server.enqueue(new MockResponse.Builder().body("{}").build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/x"))));

        assertThat(e.cause()).isEqualTo(Cause.RATE_LIMITED);
        assertThat(http.sleeper.waits()).containsExactly(Duration.ofSeconds(1), Duration.ofSeconds(1));
        assertThat(server.getRequestCount()).isEqualTo(3);
    }

    @Test
    void plainForbiddenIsNotRetriedAndNamesTheScopesNeeded() throws Exception {
        // The real response of a 403 for a missing permission: same shape, but no rate-limit signal.
        server.enqueue(HttpFixtures.wiremock(PRIMARY, Map.of("X-RateLimit-Reset", epochSeconds(Duration.ofMinutes(30))))
                .setHeader("X-RateLimit-Remaining", "4999").build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/repos/o/r"))));

        assertThat(e.cause()).isEqualTo(Cause.FORBIDDEN);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.unavailability().needed()).contains("repo");
        assertThat(http.sleeper.waits()).isEmpty();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void aResetTimeAlreadyPastIsRetriedWithoutWaitingLong() throws Exception {
        server.enqueue(HttpFixtures.wiremock(PRIMARY, Map.of("X-RateLimit-Reset", epochSeconds(Duration.ofSeconds(-30)))).build());
        server.enqueue(user());

        http.gateway().get(get(server.url("/x")));

        assertThat(http.sleeper.waits()).hasSize(1).allSatisfy(w -> assertThat(w).isBetween(Duration.ZERO, Duration.ofSeconds(1)));
    }
}
