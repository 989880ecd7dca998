package dev.hardening.auditor.core.http;

import static dev.hardening.auditor.core.http.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import java.io.IOException;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Idempotent requests are retried after 5xx and I/O errors, with growing, jittered backoff. */
class RetryTest {
    private static final Duration BASE = Duration.ofMillis(100);
    private final MockWebServer server = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static MockResponse ok() {
        return new MockResponse.Builder().body("{\"ok\":true}").build();
    }

    private static MockResponse status(int code) {
        return new MockResponse.Builder().code(code).body("{\"message\":\"Server Error\"}").build();
    }

    private HostStats statsOf(HttpGateway gateway) {
        return gateway.stats().snapshot().get(server.url("/").host());
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorThenSuccessIsRetried(int code) throws Exception {
        TestHttp http = new TestHttp();
        server.enqueue(status(code));
        server.enqueue(ok());
        HttpGateway gateway = http.gateway();

        ApiResponse response = gateway.get(get(server.url("/user")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /user HTTP/1.1");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /user HTTP/1.1");
        assertThat(statsOf(gateway).retries()).isEqualTo(1);
        assertThat(statsOf(gateway).networkRequests()).isEqualTo(2);
        assertThat(statsOf(gateway).requests()).isEqualTo(1);
        assertThat(http.sleeper.waits()).hasSize(1);
    }

    @Test
    void persistentServerErrorGivesUpAfterMaxRetriesPlusOneRequests() throws Exception {
        TestHttp http = new TestHttp();
        for (int i = 0; i < 5; i++) {
            server.enqueue(status(503));
        }
        HttpGateway gateway = http.gateway();

        FetchException e = catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/user"))));

        assertThat(e.cause()).isEqualTo(Cause.SERVER_ERROR);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.unavailability().reason()).contains("HTTP 503", "GET /user");
        int maxRetries = TestHttp.settings().maxRetries();
        assertThat(server.getRequestCount()).isEqualTo(maxRetries + 1);
        assertThat(statsOf(gateway).retries()).isEqualTo(maxRetries);
        assertThat(statsOf(gateway).errors()).isEqualTo(1);
    }

    @Test
    void clientErrorsAreNotRetried() throws Exception {
        TestHttp http = new TestHttp();
        server.enqueue(status(404));
        server.enqueue(ok());

        FetchException e = catchThrowableOfType(FetchException.class, () -> http.gateway().get(get(server.url("/nope"))));

        assertThat(e.cause()).isEqualTo(Cause.NOT_FOUND);
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(http.sleeper.waits()).isEmpty();
    }

    @Test
    void connectionDroppedBeforeTheResponseIsRetried() throws Exception {
        TestHttp http = new TestHttp();
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.ShutdownConnection.INSTANCE).build());
        server.enqueue(ok());
        HttpGateway gateway = http.gateway();

        ApiResponse response = gateway.get(get(server.url("/user")));

        assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(statsOf(gateway).retries()).isEqualTo(1);
    }

    @Test
    void connectionResetIsRetried() throws Exception {
        TestHttp http = new TestHttp();
        server.enqueue(new MockResponse.Builder().onRequestStart(new SocketEffect.CloseSocket(true, true, true)).build());
        server.enqueue(ok());
        HttpGateway gateway = http.gateway();

        ApiResponse response = gateway.get(get(server.url("/user")));

        assertThat(response.status()).isEqualTo(200);
        assertThat(statsOf(gateway).retries()).isEqualTo(1);
    }

    @Test
    void readTimeoutIsRetriedThenReportedAsTimeout() throws Exception {
        TestHttp http = new TestHttp(TestHttp.settings().withWaits(Duration.ofSeconds(60), BASE,
                Duration.ofMillis(250), Duration.ofSeconds(20)), List.of());
        for (int i = 0; i < 3; i++) {
            server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        }
        HttpGateway gateway = http.gateway();

        FetchException e = catchThrowableOfType(FetchException.class, () -> gateway.get(get(server.url("/slow"))));

        assertThat(e.cause()).isEqualTo(Cause.TIMEOUT);
        assertThat(e.unavailability().reason()).contains("did not answer", "GET /slow");
        assertThat(server.getRequestCount()).isEqualTo(3);
        assertThat(statsOf(gateway).retries()).isEqualTo(2);
    }

    @Test
    void readTimeoutThenSuccess() throws Exception {
        TestHttp http = new TestHttp(TestHttp.settings().withWaits(Duration.ofSeconds(60), BASE,
                Duration.ofMillis(250), Duration.ofSeconds(20)), List.of());
        server.enqueue(new MockResponse.Builder().onResponseStart(SocketEffect.Stall.INSTANCE).build());
        server.enqueue(ok());

        assertThat(http.gateway().get(get(server.url("/slow"))).status()).isEqualTo(200);
        assertThat(server.getRequestCount()).isEqualTo(2);
    }

    @Test
    void aServerThatClosesEveryConnectionAfterAnswering_likePythonsHttpServer_isHandled() throws Exception {
        // An HTTP/1.0 server (python -m http.server) closes the connection after each answer without a
        // Connection: close header; the pooled connection is stale when the next request takes it.
        try (java.net.ServerSocket listener = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Thread serverThread = new Thread(() -> answerAndCloseEachConnection(listener), "http10-server");
            serverThread.setDaemon(true);
            serverThread.start();
            HttpGateway gateway = new TestHttp(TestHttp.settings().withMaxRetries(0), List.of()).gateway();
            okhttp3.HttpUrl base = new okhttp3.HttpUrl.Builder().scheme("http").host("127.0.0.1")
                    .port(listener.getLocalPort()).build();

            for (int i = 0; i < 5; i++) {
                assertThat(gateway.get(get(base.resolve("/r" + i))).bodyText()).isEqualTo("{\"ok\":true}");
            }
        }
    }

    private static void answerAndCloseEachConnection(java.net.ServerSocket listener) {
        byte[] body = "{\"ok\":true}".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        while (!listener.isClosed()) {
            try (java.net.Socket s = listener.accept()) {
                var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(),
                        java.nio.charset.StandardCharsets.US_ASCII));
                String line;
                while ((line = in.readLine()) != null && !line.isEmpty()) {
                    // skip the request headers
                }
                var out = s.getOutputStream();
                out.write(("HTTP/1.0 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                out.write(body);
                out.flush();
            } catch (IOException closed) {
                return;
            }
        }
    }

    @Test
    void postIsNeverRetried() throws Exception {
        // The auditor only reads; should it ever write, a 5xx must not resend the request. (OkHttp's own
        // recovery of a stale pooled connection, retryOnConnectionFailure, happens below this layer.)
        OkHttpClient client = new TestHttp().client();
        server.enqueue(status(503));
        server.enqueue(ok());
        RequestBody body = RequestBody.create("{}", MediaType.get("application/json"));

        try (Response response = client.newCall(new Request.Builder().url(server.url("/tokens")).post(body).build()).execute()) {
            assertThat(response.code()).isEqualTo(503);
        }
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void backoffGrowsExponentiallyWithJitter() throws Exception {
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                return status(503);
            }
        });
        Set<Duration> firstWaits = new HashSet<>();
        for (int run = 0; run < 12; run++) {
            TestHttp http = new TestHttp(TestHttp.settings().withMaxRetries(3), List.of());
            assertThatThrownBy(() -> http.gateway().get(get(server.url("/down")))).isInstanceOf(FetchException.class);

            List<Duration> waits = http.sleeper.waits();
            assertThat(waits).hasSize(3);
            // Half to all of base * 2^(attempt-1).
            assertThat(waits.get(0)).isBetween(BASE.dividedBy(2), BASE);
            assertThat(waits.get(1)).isBetween(BASE, BASE.multipliedBy(2));
            assertThat(waits.get(2)).isBetween(BASE.multipliedBy(2), BASE.multipliedBy(4));
            assertThat(waits.get(2)).isGreaterThan(waits.get(0));
            firstWaits.add(waits.get(0));
        }
        assertThat(firstWaits).as("jitter spreads the waits of simultaneous clients").hasSizeGreaterThan(1);
        assertThat(server.getRequestCount()).isEqualTo(12 * 4);
    }
}
