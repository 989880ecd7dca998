package dev.hardening.auditor.core.http;

import static dev.hardening.auditor.core.http.TestHttp.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.secrets.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The on-disk HTTP cache: conditional requests with the ETag (a 304 does not count against
 * GitHub's rate limit), GitHub's {@code Vary: Authorization} not defeating it, one directory per
 * credential set, and no secret written to disk.
 */
class HttpCacheTest {
    private static final String BODY = "{\"login\":\"octocat\",\"two_factor_authentication\":true}";
    private static final String ETAG = "W/\"7ff3c96399f7ddf6129622d675ca9935\"";
    private final MockWebServer server = new MockWebServer();
    @TempDir
    Path cacheDir;

    @BeforeEach
    void start() throws Exception {
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private TestHttp cached(String token) {
        HttpUrl base = server.url("/");
        return new TestHttp(TestHttp.settings().withCacheDir(cacheDir),
                List.of(HostCredential.bearer("GITHUB_TOKEN", base, Secret.of(token))));
    }

    /** A GitHub answer as recorded: private, revalidate every time, varying on the credential. */
    private static MockResponse revalidatable() {
        return new MockResponse.Builder()
                .addHeader("Content-Type", "application/json; charset=utf-8")
                .addHeader("Cache-Control", "private, max-age=0, must-revalidate")
                .addHeader("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP")
                .addHeader("Vary", "Accept-Encoding")
                .addHeader("ETag", ETAG)
                .body(BODY).build();
    }

    private static MockResponse notModified() {
        return new MockResponse.Builder().code(304).addHeader("ETag", ETAG)
                .addHeader("Cache-Control", "private, max-age=0, must-revalidate").build();
    }

    private ApiRequest user() {
        return ApiRequest.get(Platform.GITHUB, server.url("/user"), "GET /user")
                .withHeader("Accept", "application/vnd.github+json");
    }

    private HostStats stats(HttpGateway gateway) {
        return gateway.stats().snapshot().get(server.url("/").host());
    }

    @Test
    void revalidatesWithTheEtagAndServesTheCachedBodyOnA304() throws Exception {
        HttpGateway gateway = cached(TOKEN).gateway();
        server.enqueue(revalidatable());
        server.enqueue(notModified());

        ApiResponse first = gateway.get(user());
        ApiResponse second = gateway.get(user());

        assertThat(first.fromCache()).isFalse();
        assertThat(second.fromCache()).isTrue();
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.bodyText()).isEqualTo(BODY);
        RecordedRequest initial = server.takeRequest();
        assertThat(initial.getHeaders().get("If-None-Match")).isNull();
        RecordedRequest conditional = server.takeRequest();
        assertThat(conditional.getRequestLine()).isEqualTo("GET /user HTTP/1.1");
        assertThat(conditional.getHeaders().get("If-None-Match")).isEqualTo(ETAG);
        assertThat(conditional.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(server.getRequestCount()).isEqualTo(2);
        assertThat(stats(gateway).notModified()).isEqualTo(1);
        assertThat(stats(gateway).networkRequests()).isEqualTo(2);
        assertThat(stats(gateway).cacheHits()).isZero();
    }

    @Test
    void noCacheResponsesAreRevalidatedToo() throws Exception {
        HttpGateway gateway = cached(TOKEN).gateway();
        server.enqueue(revalidatable().newBuilder().setHeader("Cache-Control", "no-cache").build());
        server.enqueue(notModified());

        gateway.get(user());
        ApiResponse second = gateway.get(user());

        assertThat(second.bodyText()).isEqualTo(BODY);
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("If-None-Match")).isEqualTo(ETAG);
    }

    @Test
    void freshResponseIsServedFromTheCacheWithoutARequest() throws Exception {
        HttpGateway gateway = cached(TOKEN).gateway();
        server.enqueue(revalidatable().newBuilder().setHeader("Cache-Control", "private, max-age=60, s-maxage=60").build());

        gateway.get(user());
        ApiResponse second = gateway.get(user());

        assertThat(second.bodyText()).isEqualTo(BODY);
        assertThat(second.fromCache()).isTrue();
        assertThat(server.getRequestCount()).isEqualTo(1);
        assertThat(stats(gateway).cacheHits()).isEqualTo(1);
        assertThat(stats(gateway).requests()).isEqualTo(2);
        assertThat(stats(gateway).networkRequests()).isEqualTo(1);
    }

    @Test
    void anotherCredentialSetUsesAnotherCacheDirectory() throws Exception {
        server.enqueue(revalidatable());
        server.enqueue(revalidatable());

        cached(TOKEN).gateway().get(user());
        cached("test-token-other-0a1b2c3d4e5f").gateway().get(user());

        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("If-None-Match"))
                .as("nothing fetched with the first token is offered to the second").isNull();
        try (Stream<Path> dirs = Files.list(cacheDir)) {
            assertThat(dirs.filter(Files::isDirectory).count()).isEqualTo(2);
        }
    }

    @Test
    void noCacheWithoutACacheDirectory() throws Exception {
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(server.url("/"))));
        assertThat(http.client().cache()).isNull();
        HttpGateway gateway = http.gateway();
        server.enqueue(revalidatable());
        server.enqueue(revalidatable());

        gateway.get(user());
        ApiResponse second = gateway.get(user());

        assertThat(second.fromCache()).isFalse();
        server.takeRequest();
        assertThat(server.takeRequest().getHeaders().get("If-None-Match")).isNull();
    }

    @Test
    void noCacheFileHoldsTheCredential() throws Exception {
        HttpGateway gateway = cached(TOKEN).gateway();
        server.enqueue(revalidatable());
        server.enqueue(notModified());
        server.enqueue(revalidatable().newBuilder().setHeader("Cache-Control", "private, max-age=60").build());

        gateway.get(user());
        gateway.get(user());
        gateway.get(ApiRequest.get(Platform.GITHUB, server.url("/user/emails"), "GET /user/emails"));

        List<Path> files;
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).as("cache entries were written").hasSizeGreaterThan(2);
        for (Path file : files) {
            assertThat(read(file)).as(file.toString()).doesNotContain(TOKEN).doesNotContain("Bearer");
        }
        try (Stream<Path> walk = Files.walk(cacheDir)) {
            assertThat(walk.map(Path::toString)).noneMatch(name -> name.contains(TOKEN));
        }
    }

    private static String read(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
    }
}
