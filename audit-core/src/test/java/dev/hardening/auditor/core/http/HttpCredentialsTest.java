package dev.hardening.auditor.core.http;

import static dev.hardening.auditor.core.http.TestHttp.TOKEN;
import static dev.hardening.auditor.core.http.TestHttp.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.secrets.Secret;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.HttpUrl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A credential reaches only the host and port it belongs to, and never in clear over the network. */
class HttpCredentialsTest {
    private final MockWebServer github = new MockWebServer();
    private final MockWebServer elsewhere = new MockWebServer();

    @BeforeEach
    void start() throws Exception {
        github.start();
        elsewhere.start();
    }

    @AfterEach
    void stop() {
        github.close();
        elsewhere.close();
    }

    private static HostCredential hibpKey(HttpUrl url) {
        return HostCredential.header("HIBP_API_KEY", url, "hibp-api-key", Secret.of("hibp-key-1d2c3b4a5f6e"));
    }

    @Test
    void attachesEachCredentialOnlyToItsOwnHostAndPort() throws Exception {
        HttpUrl githubUrl = github.url("/");
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(githubUrl)));
        HttpGateway gateway = http.gateway();
        github.enqueue(new MockResponse.Builder().body("{}").build());
        elsewhere.enqueue(new MockResponse.Builder().body("{}").build());

        gateway.get(get(github.url("/user")));
        gateway.get(get(elsewhere.url("/user")));

        RecordedRequest toGithub = github.takeRequest();
        assertThat(toGithub.getRequestLine()).isEqualTo("GET /user HTTP/1.1");
        assertThat(toGithub.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        RecordedRequest toOther = elsewhere.takeRequest();
        assertThat(toOther.getRequestLine()).isEqualTo("GET /user HTTP/1.1");
        // Same host name, other port: another service, no credential.
        assertThat(toOther.getUrl().host()).isEqualTo(toGithub.getUrl().host());
        assertThat(toOther.getHeaders().get("Authorization")).isNull();
        assertThat(github.getRequestCount()).isEqualTo(1);
        assertThat(elsewhere.getRequestCount()).isEqualTo(1);
    }

    @Test
    void twoServicesOnOneHostEachGetOnlyTheirOwnCredential() throws Exception {
        // A proxy serving GitHub under /github/ and npm under /npm/ on one host and port.
        HttpUrl githubBase = github.url("/github/");
        HttpUrl npmBase = github.url("/npm/");
        HostCredential npmToken = HostCredential.bearer("NPM_TOKEN", npmBase, Secret.of("npm-token-value-0123456789"));
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(githubBase), npmToken));
        for (int i = 0; i < 3; i++) {
            github.enqueue(new MockResponse.Builder().body("{}").build());
        }

        http.gateway().get(get(github.url("/github/user")));
        http.gateway().get(get(github.url("/npm/left-pad")));
        http.gateway().get(get(github.url("/elsewhere")));

        assertThat(github.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(github.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer npm-token-value-0123456789");
        assertThat(github.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void refusesARedirectToAnotherHostAndPortAndNeverSendsTheCredentialThere() throws Exception {
        HttpUrl githubUrl = github.url("/");
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(githubUrl), hibpKey(githubUrl)));
        github.enqueue(new MockResponse.Builder().code(302).addHeader("Location", elsewhere.url("/landing")).build());
        elsewhere.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());

        FetchException e = catchThrowableOfType(FetchException.class,
                () -> http.gateway().get(get(github.url("/repos/o/r/tarball"))));

        // An answer from another host is never taken for the service's own.
        assertThat(e.cause()).isEqualTo(Cause.SERVER_ERROR);
        assertThat(e.unavailability().reason()).contains("HTTP 302", "another host", elsewhere.url("/").host())
                .doesNotContain(TOKEN);
        RecordedRequest first = github.takeRequest();
        assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
        assertThat(first.getHeaders().get("hibp-api-key")).isEqualTo("hibp-key-1d2c3b4a5f6e");
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void followsARedirectWithinTheSameHostWithTheCredential() throws Exception {
        HttpUrl githubUrl = github.url("/");
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(githubUrl)));
        github.enqueue(new MockResponse.Builder().code(301).addHeader("Location", github.url("/repositories/42")).build());
        github.enqueue(new MockResponse.Builder().body("{\"ok\":true}").build());

        ApiResponse response = http.gateway().get(get(github.url("/repos/o/renamed")));

        assertThat(response.bodyText()).isEqualTo("{\"ok\":true}");
        github.takeRequest();
        RecordedRequest redirected = github.takeRequest();
        assertThat(redirected.getRequestLine()).isEqualTo("GET /repositories/42 HTTP/1.1");
        assertThat(redirected.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void stripsCredentialHeadersThatACallerSetByHandForAnotherHost() throws Exception {
        HttpUrl githubUrl = github.url("/");
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(githubUrl), hibpKey(githubUrl)));
        github.enqueue(new MockResponse.Builder().body("{}").build());
        elsewhere.enqueue(new MockResponse.Builder().body("{}").build());
        HttpGateway gateway = http.gateway();

        gateway.get(get(elsewhere.url("/x")).withHeader("Authorization", "Bearer hand-made-123456")
                .withHeader("hibp-api-key", "hand-made-key-123456"));
        gateway.get(get(github.url("/user")).withHeader("Authorization", "Bearer hand-made-123456"));

        RecordedRequest other = elsewhere.takeRequest();
        assertThat(other.getHeaders().get("Authorization")).isNull();
        assertThat(other.getHeaders().get("hibp-api-key")).isNull();
        // On its own host the configured credential replaces whatever the caller set.
        assertThat(github.takeRequest().getHeaders().values("Authorization")).containsExactly("Bearer " + TOKEN);
    }

    @Test
    void stripsAnAuthorizationHeaderSetByHandEvenWhenNoCredentialUsesIt() throws Exception {
        // Only the HTTP layer attaches credentials; a client that sets one itself bypasses the host check.
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(hibpKey(github.url("/"))));
        elsewhere.enqueue(new MockResponse.Builder().body("{}").build());

        http.gateway().get(get(elsewhere.url("/x")).withHeader("Authorization", "token hand-made-123456"));

        assertThat(elsewhere.takeRequest().getHeaders().get("Authorization")).isNull();
    }

    @Test
    void refusesToSendACredentialOverPlainHttpToAHostThatIsNotLoopback() throws Exception {
        // The name resolves to 127.0.0.1 in the test, but by name it is an ordinary remote host.
        HttpUrl remote = new HttpUrl.Builder().scheme("http").host("api.example.test").port(github.getPort()).build();
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(remote)))
                .resolving(Map.of("api.example.test", "127.0.0.1"));
        github.enqueue(new MockResponse.Builder().body("{}").build());

        FetchException e = catchThrowableOfType(FetchException.class,
                () -> http.gateway().get(get(remote.resolve("/user"))));

        assertThat(e.cause()).isEqualTo(Cause.NOT_CONFIGURED);
        assertThat(e.unavailability().reason()).contains("GITHUB_TOKEN", "plain HTTP", "api.example.test");
        assertThat(e.unavailability().needed()).contains("https://");
        assertThat(e.getMessage()).doesNotContain(TOKEN);
        assertThat(github.getRequestCount()).isZero();
    }

    @Test
    void refusesAPlainHttpRedirectHopThatWouldCarryACredential() throws Exception {
        // The first hop is loopback and carries nothing; the redirect target is the credential's
        // host over plain HTTP: only the network interceptor, which sees every hop, can refuse it.
        HttpUrl remote = new HttpUrl.Builder().scheme("http").host("api.example.test").port(elsewhere.getPort()).build();
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(remote)))
                .resolving(Map.of("api.example.test", "127.0.0.1"));
        github.enqueue(new MockResponse.Builder().code(302).addHeader("Location", remote.resolve("/user")).build());
        elsewhere.enqueue(new MockResponse.Builder().body("{}").build());

        FetchException e = catchThrowableOfType(FetchException.class,
                () -> http.gateway().get(get(github.url("/start"))));

        // Another host: the hop is refused before the credential guard needs to act.
        assertThat(e.cause()).isEqualTo(Cause.SERVER_ERROR);
        assertThat(github.takeRequest().getHeaders().get("Authorization")).isNull();
        assertThat(elsewhere.getRequestCount()).isZero();
    }

    @Test
    void aHostNameThatMerelyStartsWith127IsNotLoopback() throws Exception {
        HttpUrl remote = new HttpUrl.Builder().scheme("http").host("127.attacker.example").port(github.getPort()).build();
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(remote)))
                .resolving(Map.of("127.attacker.example", "127.0.0.1"));
        github.enqueue(new MockResponse.Builder().body("{}").build());

        FetchException e = catchThrowableOfType(FetchException.class,
                () -> http.gateway().get(get(remote.resolve("/user"))));

        assertThat(e.cause()).isEqualTo(Cause.NOT_CONFIGURED);
        assertThat(github.getRequestCount()).isZero();
    }

    @Test
    void sendsACredentialOverPlainHttpToLoopback() throws Exception {
        HttpUrl loopback = new HttpUrl.Builder().scheme("http").host("127.0.0.1").port(github.getPort()).build();
        TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(loopback)));
        github.enqueue(new MockResponse.Builder().body("{}").build());

        http.gateway().get(get(loopback.resolve("/user")));

        assertThat(github.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
    }

    @Test
    void doesNotFollowARedirectFromHttpsToHttp(@TempDir Path dir) throws Exception {
        TestTls tls = TestTls.create(dir);
        try (MockWebServer secure = new MockWebServer()) {
            secure.useHttps(tls.serverSocketFactory());
            secure.start();
            HttpUrl secureUrl = secure.url("/");
            TestHttp http = new TestHttp(TestHttp.settings(), List.of(TestHttp.bearer(secureUrl)));
            HttpGateway gateway = http.gateway(tls.trustedBy(http.client()));
            secure.enqueue(new MockResponse.Builder().code(301).addHeader("Location", elsewhere.url("/user")).build());

            FetchException e = catchThrowableOfType(FetchException.class, () -> gateway.get(get(secure.url("/user"))));

            assertThat(e.status()).isEqualTo(301);
            assertThat(e.unavailability().reason()).contains("redirected", "will not follow");
            RecordedRequest request = secure.takeRequest();
            assertThat(request.getUrl().isHttps()).isTrue();
            assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer " + TOKEN);
            assertThat(elsewhere.getRequestCount()).isZero();
        }
    }
}
