package dev.hardening.auditor.sim.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Latency, GitHub's rate-limit headers and limits, conditional requests and every fault, as a plain HTTP client sees them. */
class SimServerBehaviourTest {
    private static final String ORG = "orgs/" + WorldGenerator.ORG;
    private static SimServer server;
    private static HttpClient http;

    @BeforeAll
    static void start() {
        server = SimServer.start(WorldGenerator.generate(WorldSpec.small()));
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void reset() {
        server.clearFaults();
        for (Host h : Host.values()) {
            server.behave(h, Behaviour.instant());
        }
        server.log().clear();
    }

    private static HttpRequest.Builder github(String path) {
        return HttpRequest.newBuilder(URI.create(server.baseUrl(Host.GITHUB) + path)).timeout(Duration.ofSeconds(5))
                .header("Authorization", "Bearer " + World.GITHUB_TOKEN);
    }

    private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void every_answer_waits_for_the_hosts_latency_and_hosts_answer_in_parallel() throws Exception {
        server.behave(Host.GITHUB, Behaviour.latency(Duration.ofMillis(150)));
        long start = System.nanoTime();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(http.sendAsync(github(ORG).build(), HttpResponse.BodyHandlers.ofString()));
        }
        calls.forEach(CompletableFuture::join);
        long ms = (System.nanoTime() - start) / 1_000_000;

        assertThat(calls).allSatisfy(c -> assertThat(c.join().statusCode()).isEqualTo(200));
        assertThat(ms).isBetween(150L, 150L * 4 - 1);
        assertThat(server.log().maxInFlight().get(Host.GITHUB)).isGreaterThan(1);
    }

    @Test
    void github_answers_carry_rate_limit_headers_and_304s_do_not_count() throws Exception {
        server.behave(Host.GITHUB, Behaviour.instant().withHourlyLimit(5000));
        HttpResponse<String> first = send(github(ORG));
        HttpResponse<String> second = send(github(ORG));
        String etag = second.headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> notModified = send(github(ORG).header("If-None-Match", etag));
        HttpResponse<String> third = send(github(ORG));

        assertThat(first.headers().firstValue("X-RateLimit-Limit")).hasValue("5000");
        assertThat(first.headers().firstValue("X-RateLimit-Resource")).hasValue("core");
        assertThat(first.headers().firstValue("X-RateLimit-Reset")).isPresent();
        assertThat(remaining(second)).isEqualTo(remaining(first) - 1);
        assertThat(notModified.statusCode()).isEqualTo(304);
        assertThat(notModified.body()).isEmpty();
        assertThat(remaining(third)).isEqualTo(remaining(second) - 1);
    }

    @Test
    void the_primary_limit_refuses_with_403_and_a_reset_once_the_hour_is_spent() throws Exception {
        server.behave(Host.GITHUB, Behaviour.instant().withHourlyLimit(2));
        send(github(ORG));
        send(github(ORG));
        HttpResponse<String> refused = send(github(ORG));

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(Long.parseLong(refused.headers().firstValue("X-RateLimit-Reset").orElseThrow()))
                .isGreaterThan(System.currentTimeMillis() / 1000);
        assertThat(refused.body()).contains("API rate limit exceeded");
    }

    @Test
    void too_many_requests_at_once_meet_the_secondary_limit_on_github_and_429_on_a_registry() throws Exception {
        server.behave(Host.GITHUB, Behaviour.latency(Duration.ofMillis(200)).withMaxConcurrent(1));
        server.behave(Host.NPM, Behaviour.latency(Duration.ofMillis(200)).withMaxConcurrent(1));
        List<CompletableFuture<HttpResponse<String>>> gh = new ArrayList<>();
        List<CompletableFuture<HttpResponse<String>>> npm = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            gh.add(http.sendAsync(github(ORG).build(), HttpResponse.BodyHandlers.ofString()));
            npm.add(http.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl(Host.NPM) + "sim-pkg-0000")).build(),
                    HttpResponse.BodyHandlers.ofString()));
        }
        List<HttpResponse<String>> ghr = gh.stream().map(CompletableFuture::join).toList();
        List<HttpResponse<String>> npmr = npm.stream().map(CompletableFuture::join).toList();

        assertThat(ghr).anySatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(403);
            assertThat(r.headers().firstValue("Retry-After")).hasValue("60");
            assertThat(r.body()).contains("secondary rate limit");
        });
        assertThat(ghr).anySatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(npmr).anySatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(429);
            assertThat(r.headers().firstValue("Retry-After")).isPresent();
        });
    }

    @Test
    void a_fault_rule_strikes_only_its_host_and_only_as_often_as_asked() throws Exception {
        server.fault(FaultRule.times(Host.GITHUB, r -> true, Fault.STATUS_503, 1));
        HttpResponse<String> npm = send(HttpRequest.newBuilder(URI.create(server.baseUrl(Host.NPM) + "sim-pkg-0000")));
        HttpResponse<String> first = send(github(ORG));
        HttpResponse<String> second = send(github(ORG));

        assertThat(npm.statusCode()).isEqualTo(200);
        assertThat(first.statusCode()).isEqualTo(503);
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(server.log().entries()).filteredOn(e -> e.fault() == Fault.STATUS_503).hasSize(1);
    }

    static Stream<Arguments> statusFaults() {
        return Stream.of(
                Arguments.of(Fault.STATUS_500, 500, "Server Error"),
                Arguments.of(Fault.STATUS_502, 502, "Bad Gateway"),
                Arguments.of(Fault.STATUS_503, 503, "Service Unavailable"),
                Arguments.of(Fault.STATUS_401, 401, "Bad credentials"),
                Arguments.of(Fault.STATUS_404, 404, "Not Found"),
                Arguments.of(Fault.RATE_LIMIT_PRIMARY, 403, "API rate limit exceeded"),
                Arguments.of(Fault.RATE_LIMIT_SECONDARY, 403, "secondary rate limit"),
                Arguments.of(Fault.RATE_LIMIT_429, 429, "Rate limit is exceeded"),
                Arguments.of(Fault.INVALID_JSON, 200, "\"two_factor_authentication\": tru"),
                Arguments.of(Fault.HTML_ERROR_200, 200, "<!DOCTYPE html>"),
                Arguments.of(Fault.WRONG_SHAPE, 200, "\"data\""),
                Arguments.of(Fault.EMPTY_200, 200, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("statusFaults")
    void a_fault_answers_as_the_real_services_do(Fault fault, int status, String body) throws Exception {
        server.fault(FaultRule.always(Host.GITHUB, r -> true, fault));
        HttpResponse<String> r = send(github(ORG));

        assertThat(r.statusCode()).isEqualTo(status);
        assertThat(r.body()).contains(body);
    }

    @Test
    void a_redirect_fault_points_to_the_other_host_with_the_same_path() throws Exception {
        server.fault(FaultRule.always(Host.GITHUB, r -> true, Fault.REDIRECT_ELSEWHERE));
        HttpResponse<String> r = send(github(ORG));

        assertThat(r.statusCode()).isEqualTo(302);
        assertThat(r.headers().firstValue("Location")).hasValue(server.baseUrl(Host.ELSEWHERE) + ORG);
        assertThat(server.hostName(Host.ELSEWHERE)).isNotEqualTo(server.hostName(Host.GITHUB));
    }

    @Test
    void a_truncated_body_declares_more_than_it_sends() {
        server.fault(FaultRule.always(Host.GITHUB, r -> true, Fault.TRUNCATED_BODY));
        assertThatThrownBy(() -> send(github(ORG))).isInstanceOf(IOException.class);
    }

    @Test
    void a_reset_connection_and_a_disconnect_after_the_headers_fail_the_exchange() {
        // always: the client retries an idempotent request once on a fresh connection
        server.fault(FaultRule.always(Host.GITHUB, r -> true, Fault.CONNECTION_RESET));
        assertThatThrownBy(() -> send(github(ORG))).isInstanceOf(IOException.class);
        server.clearFaults();
        server.fault(FaultRule.always(Host.GITHUB, r -> true, Fault.DISCONNECT_AFTER_HEADERS));
        assertThatThrownBy(() -> send(github(ORG))).isInstanceOf(IOException.class);
    }

    @Test
    void a_time_out_fault_stays_silent() {
        server.fault(FaultRule.always(Host.GITHUB, r -> true, Fault.TIMEOUT));
        assertThatThrownBy(() -> send(github(ORG).timeout(Duration.ofMillis(300))))
                .isInstanceOf(java.net.http.HttpTimeoutException.class);
    }

    @Test
    void the_huge_body_is_streamed_as_it_is_read_not_built_in_memory() throws Exception {
        server.fault(FaultRule.always(Host.GITHUB, r -> true, Fault.BODY_100MB));
        HttpResponse<InputStream> r = http.send(github(ORG).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
            assertThat(r.headers().firstValueAsLong("Content-Length")).hasValue(100L * 1024 * 1024);
            assertThat(in.readNBytes(1024)).hasSize(1024);
        }
    }

    @Test
    void a_slow_body_declares_its_whole_length_and_drips_it() throws Exception {
        server.fault(FaultRule.always(Host.GITHUB, r -> true, Fault.SLOW_BODY));
        java.net.URI uri = URI.create(server.baseUrl(Host.GITHUB) + ORG);
        // A raw socket, closed at the end, so that the drip stops and holds no slot for the next test.
        try (java.net.Socket socket = new java.net.Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + uri.getRawPath() + " HTTP/1.1\r\nHost: " + uri.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                int c = in.read();
                assertThat(c).isNotNegative();
                head.append((char) c);
            }
            java.util.regex.Matcher length = java.util.regex.Pattern.compile("(?i)content-length: (\\d+)").matcher(head);
            assertThat(length.find()).isTrue();
            assertThat(Long.parseLong(length.group(1))).isGreaterThanOrEqualTo(64);
            // Two bytes arrive one drip apart (300 ms): every read is in time, the whole body is not.
            long start = System.nanoTime();
            assertThat(in.read()).isNotNegative();
            assertThat(in.read()).isNotNegative();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (server.log().entries().stream().noneMatch(e -> e.fault() == Fault.SLOW_BODY) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(server.log().entries()).as("the drip ends when the client leaves")
                .anySatisfy(e -> assertThat(e.fault()).isEqualTo(Fault.SLOW_BODY));
    }

    private static long remaining(HttpResponse<?> r) {
        return Long.parseLong(r.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    }
}
