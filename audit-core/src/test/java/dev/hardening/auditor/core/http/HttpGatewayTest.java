package dev.hardening.auditor.core.http;

import static dev.hardening.auditor.core.http.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.Platform;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every failure becomes a FetchException with a cause, one clear reason and what would fix it. */
class HttpGatewayTest {
    private final MockWebServer server = new MockWebServer();
    private final TestHttp http = new TestHttp();
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        threads.shutdownNow();
        server.close();
    }

    private FetchException failureOf(ApiRequest request) {
        return catchThrowableOfType(FetchException.class, () -> http.gateway().getJson(request));
    }

    @Test
    void okJsonIsParsedAndCounted() throws Exception {
        server.enqueue(HttpFixtures.recorded("get_rate_limit.http.txt").build());
        HttpGateway gateway = http.gateway();

        var node = gateway.getJson(get(server.url("/rate_limit")));

        assertThat(node.path("rate").path("limit").asInt()).isEqualTo(5000);
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /rate_limit HTTP/1.1");
        assertThat(request.getHeaders().get("User-Agent")).startsWith("maintainer-hardening-auditor/");
        HostStats stats = gateway.stats().snapshot().get(server.url("/").host());
        assertThat(stats.requests()).isEqualTo(1);
        assertThat(stats.networkRequests()).isEqualTo(1);
        assertThat(stats.errors()).isZero();
        assertThat(stats.bytes()).isGreaterThan(100);
    }

    @Test
    void aRedirectLoopOnTheSameHostIsNamedAsOne() {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return new MockResponse.Builder().code(302).setHeader("Location", request.getTarget()).build();
            }
        });

        FetchException e = failureOf(get(server.url("/loop")));

        assertThat(e.unavailability().reason()).contains("redirected", "loop").doesNotContain("Exception");
        assertThat(server.getRequestCount()).as("followed 20 times, not retried").isEqualTo(21);
    }

    @Test
    void aBodyDeclaredGzipThatIsNotSaysSo() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .setHeader("Content-Encoding", "gzip").body("{\"not\": \"gzip at all\"}").build());

        FetchException e = failureOf(get(server.url("/gzip")));

        assertThat(e.unavailability().reason()).contains("compressed").doesNotContain("Exception");
    }

    @Test
    void jsonNestedTooDeepIsMalformedNotAStackOverflow() {
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json")
                .body("[".repeat(100_000) + "]".repeat(100_000)).build());

        FetchException e = failureOf(get(server.url("/deep")));

        assertThat(e.cause()).isEqualTo(Cause.MALFORMED);
        assertThat(e.unavailability().reason()).doesNotContain("Exception");
    }

    @Test
    void jsonThatIsNotUtf8IsMalformed() {
        okio.Buffer body = new okio.Buffer().writeUtf8("{\"name\": \"").writeByte(0xC3).writeByte(0x28).writeUtf8("\"}");
        server.enqueue(new MockResponse.Builder().code(200).setHeader("Content-Type", "application/json").body(body).build());

        FetchException e = failureOf(get(server.url("/utf8")));

        assertThat(e.cause()).isEqualTo(Cause.MALFORMED);
        assertThat(e.unavailability().reason()).doesNotContain("Exception");
    }

    @Test
    void unauthorizedFromTheRecordedOtpResponse() {
        server.enqueue(HttpFixtures.recorded("error_401_otp_required.http.txt").build());

        FetchException e = failureOf(get(server.url("/user")));

        assertThat(e.cause()).isEqualTo(Cause.UNAUTHORIZED);
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.unavailability().reason()).contains("GitHub refused the credential", "GET /user", "401");
        assertThat(e.unavailability().needed()).contains("valid GitHub token");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void forbiddenNamesTheFineGrainedPermissionWhenThatIsWhatGitHubSays() {
        server.enqueue(new MockResponse.Builder().code(403)
                .addHeader("X-Accepted-GitHub-Permissions", "administration=read")
                .body("{\"message\":\"Resource not accessible by personal access token\"}").build());

        FetchException e = failureOf(get(server.url("/repos/o/r/branches/main/protection")));

        assertThat(e.cause()).isEqualTo(Cause.FORBIDDEN);
        assertThat(e.unavailability().needed()).contains("administration=read");
    }

    @Test
    void notFoundIsACauseOfItsOwnAndEmptyForGetJsonIfFound() throws Exception {
        server.enqueue(new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build());
        server.enqueue(new MockResponse.Builder().code(404).body("{\"message\":\"Not Found\"}").build());

        FetchException e = failureOf(get(server.url("/users/nobody")));
        assertThat(e.cause()).isEqualTo(Cause.NOT_FOUND);
        assertThat(e.unavailability().reason()).contains("GET /users/nobody", "404");

        assertThat(http.gateway().getJsonIfFound(get(server.url("/users/nobody")))).isEmpty();
    }

    @Test
    void serverErrorAfterRetries() {
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().code(502).body("<html>Bad Gateway</html>").build());
        }

        FetchException e = failureOf(get(server.url("/user")));

        assertThat(e.cause()).isEqualTo(Cause.SERVER_ERROR);
        assertThat(e.unavailability().reason()).contains("HTTP 502");
    }

    @Test
    void htmlPageWithStatus200IsMalformed() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "text/html; charset=utf-8")
                .body("\n<!DOCTYPE html><html><head><title>Sign in</title></head></html>").build());

        FetchException e = failureOf(get(server.url("/user")));

        assertThat(e.cause()).isEqualTo(Cause.MALFORMED);
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.unavailability().reason()).contains("HTML page", "GET /user");
    }

    @Test
    void htmlBodyIsRecognisedEvenWhenLabelledAsJson() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("\uFEFF  <html><body>captive portal</body></html>").build());

        assertThat(failureOf(get(server.url("/user"))).unavailability().reason()).contains("HTML page");
    }

    @Test
    void truncatedJsonIsMalformedWithLineAndColumn() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json")
                .body("{\n  \"login\": \"octocat\",\n  \"id\": 58").build());

        FetchException e = failureOf(get(server.url("/user")));

        assertThat(e.cause()).isEqualTo(Cause.MALFORMED);
        assertThat(e.unavailability().reason()).contains("malformed or truncated JSON", "GET /user", "line 3, column");
        // The body may hold personal data: it is not echoed.
        assertThat(e.unavailability().reason()).doesNotContain("octocat");
    }

    @Test
    void emptyBodyIsMalformed() {
        server.enqueue(new MockResponse.Builder().addHeader("Content-Type", "application/json").build());

        FetchException e = failureOf(get(server.url("/user")));

        assertThat(e.cause()).isEqualTo(Cause.MALFORMED);
        assertThat(e.unavailability().reason()).contains("empty body");
    }

    @Test
    void blankBodyIsReportedAsEmpty() {
        server.enqueue(new MockResponse.Builder().body(" \r\n ").build());

        assertThat(failureOf(get(server.url("/user"))).unavailability().reason()).contains("empty body");
    }

    @Test
    void unknownHostIsANetworkFailureAndIsNotRetried() {
        TestHttp offline = new TestHttp().resolving(Map.of());
        HttpUrl url = HttpUrl.get("https://api.github.invalid/user");

        FetchException e = catchThrowableOfType(FetchException.class,
                () -> offline.gateway().get(get(url)));

        assertThat(e.cause()).isEqualTo(Cause.NETWORK);
        assertThat(e.status()).isZero();
        assertThat(e.unavailability().reason()).contains("cannot resolve api.github.invalid");
        assertThat(e.unavailability().needed()).contains("network connection");
        assertThat(offline.sleeper.waits()).isEmpty();
    }

    @Test
    void connectionRefusedIsANetworkFailure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HttpUrl url = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(closedPort).encodedPath("/user").build();

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(url)));

        assertThat(e.cause()).isEqualTo(Cause.NETWORK);
        assertThat(e.unavailability().reason()).contains("cannot connect to 127.0.0.1:" + closedPort, "GET /user");
    }

    @Test
    void cancelAllStopsASlowResponsePromptly() throws Exception {
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        HttpGateway gateway = http.gateway();
        Future<FetchException> failure = threads.submit(() ->
                catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/slow")))));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).as("request in flight").isNotNull();

        long start = System.nanoTime();
        gateway.cancelAll();
        FetchException e = failure.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(e.cause()).isEqualTo(Cause.CANCELLED);
        assertThat(e.unavailability().reason()).contains("cancelled");
        assertThat(server.getRequestCount()).isEqualTo(1);
        // Refused from now on, without a request.
        FetchException later = catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/later"))));
        assertThat(later.cause()).isEqualTo(Cause.CANCELLED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancelAllStopsASlowBodyPromptly() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{\"a\":\"" + "x".repeat(10_000) + "\"}")
                .throttleBody(100, 1, TimeUnit.SECONDS).build());
        HttpGateway gateway = http.gateway();
        Future<FetchException> failure = threads.submit(() ->
                catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/trickle")))));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

        gateway.cancelAll();

        assertThat(failure.get(5, TimeUnit.SECONDS).cause()).isEqualTo(Cause.CANCELLED);
    }

    @Test
    void cancelAllEndsARateLimitWaitAtOnce() throws Exception {
        // Cancelling an OkHttp call does not interrupt a thread that sleeps; the wait must notice.
        TestHttp waiting = new TestHttp().sleepingForReal();
        server.enqueue(new MockResponse.Builder().code(429).addHeader("Retry-After", "30").build());
        HttpGateway gateway = waiting.gateway();
        Future<FetchException> failure = threads.submit(() ->
                catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/limited")))));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

        long start = System.nanoTime();
        gateway.cancelAll();
        FetchException e = failure.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(e.cause()).isEqualTo(Cause.CANCELLED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void cancelAllEndsABackoffWaitAtOnce() throws Exception {
        TestHttp waiting = new TestHttp(TestHttp.settings().withWaits(Duration.ofSeconds(60), Duration.ofSeconds(30),
                Duration.ofSeconds(5), Duration.ofSeconds(60)), List.of()).sleepingForReal();
        server.enqueue(new MockResponse.Builder().code(503).build());
        HttpGateway gateway = waiting.gateway();
        Future<FetchException> failure = threads.submit(() ->
                catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/flaky")))));
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();

        gateway.cancelAll();

        assertThat(failure.get(5, TimeUnit.SECONDS).cause()).isEqualTo(Cause.CANCELLED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void callTimeLimitIsATimeoutNotACancellation() {
        TestHttp limited = new TestHttp(TestHttp.settings().withWaits(Duration.ofSeconds(60), Duration.ofMillis(100),
                Duration.ofSeconds(10), Duration.ofMillis(400)), List.of());
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());

        FetchException e = catchThrowableOfType(FetchException.class, () -> limited.gateway().get(get(server.url("/slow"))));

        assertThat(e.cause()).isEqualTo(Cause.TIMEOUT);
        assertThat(e.unavailability().reason()).contains("within the time limit");
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void boundsConcurrentRequestsPerHost() throws Exception {
        int bound = 2;
        TestHttp bounded = new TestHttp(TestHttp.settings().withMaxConcurrentPerHost(bound), List.of());
        HttpGateway gateway = bounded.gateway();
        AtomicInteger inServer = new AtomicInteger();
        AtomicInteger maxInServer = new AtomicInteger();
        CountDownLatch boundReached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
                int now = inServer.incrementAndGet();
                maxInServer.accumulateAndGet(now, Math::max);
                if (now == bound) {
                    boundReached.countDown();
                }
                release.await(10, TimeUnit.SECONDS);
                inServer.decrementAndGet();
                return new MockResponse.Builder().body("{}").build();
            }
        });
        List<Future<ApiResponse>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String path = "/item/" + i;
            calls.add(threads.submit(() -> gateway.get(get(server.url(path)))));
        }

        assertThat(boundReached.await(5, TimeUnit.SECONDS)).isTrue();
        // While two are held by the server, no third request arrives.
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(5, TimeUnit.SECONDS)).isNotNull();
        assertThat(server.takeRequest(300, TimeUnit.MILLISECONDS)).isNull();
        release.countDown();
        for (Future<ApiResponse> call : calls) {
            assertThat(call.get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
        }

        assertThat(maxInServer.get()).isEqualTo(bound);
        assertThat(server.getRequestCount()).isEqualTo(6);
    }

    @Test
    void emitsFetchStartedAndFinishedForEachCall() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        server.enqueue(new MockResponse.Builder().code(404).build());
        HttpGateway gateway = http.gateway();
        ApiRequest npm = ApiRequest.get(Platform.NPM, server.url("/left-pad"), "GET /left-pad");
        ApiRequest missing = ApiRequest.get(Platform.NPM, server.url("/nope"), "GET /nope");

        gateway.get(npm);
        catchThrowableOfType(FetchException.class, () -> gateway.get(missing));

        assertThat(http.events).containsExactly(
                new ProgressEvent.FetchStarted(Platform.NPM, "GET /left-pad"),
                new ProgressEvent.FetchFinished(Platform.NPM, "GET /left-pad", true),
                new ProgressEvent.FetchStarted(Platform.NPM, "GET /nope"),
                new ProgressEvent.FetchFinished(Platform.NPM, "GET /nope", false));
    }

    @Test
    void aBrokenProgressListenerDoesNotBreakRequests() throws Exception {
        server.enqueue(new MockResponse.Builder().body("{}").build());
        HttpGateway gateway = new HttpGateway(http.client(), new com.fasterxml.jackson.databind.ObjectMapper(), event -> {
            throw new IllegalStateException("display closed");
        }, 4);

        assertThat(gateway.get(get(server.url("/user"))).status()).isEqualTo(200);
    }
}
