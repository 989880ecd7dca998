package dev.hardening.auditor.core.clients.github;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.html;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static dev.hardening.auditor.core.clients.ClientTestSupport.status;
import static dev.hardening.auditor.core.clients.ClientTestSupport.truncated;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubTokenKind;
import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HostCredential;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.secrets.Masking;
import dev.hardening.auditor.core.secrets.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GitHubClientTest {
    // Shaped like real tokens, but made up: prefix + 36 characters.
    private static final String CLASSIC = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private static final String FINE_GRAINED = "github_pat_" + "11ABCDEFG0abcdefghijkl_" + "x".repeat(59);

    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private GitHubClient client(Optional<Secret> token) {
        return new GitHubClient(gateway(), server.url("/"), token);
    }

    private static MockResponse.Builder userResponse(String fixture) {
        return json(fixture(fixture)).newBuilder();
    }

    @Test
    void viewerReadsTheUserAndTheClassicTokensScopesAndExpiry() throws Exception {
        server.enqueue(userResponse("github/get_user_authenticated.json")
                .setHeader("X-OAuth-Scopes", "repo, read:org, gist")
                .setHeader("github-authentication-token-expiration", "2023-06-14 15:09:46 UTC")
                .build());

        GitHubViewer viewer = client(Optional.of(Secret.of(CLASSIC))).viewer();

        assertThat(viewer.user().login()).isEqualTo("bitwiseman");
        assertThat(viewer.user().id()).isEqualTo(1958953L);
        assertThat(viewer.user().name()).isEqualTo("Liam Newman");
        assertThat(viewer.user().publicEmail()).contains("bitwiseman@gmail.com");
        assertThat(viewer.user().twoFactorAuthentication()).contains(true);
        assertThat(viewer.user().createdAt()).contains(Instant.parse("2012-07-11T20:38:33Z"));
        assertThat(viewer.token().kind()).isEqualTo(GitHubTokenKind.CLASSIC_PAT);
        assertThat(viewer.token().fingerprint()).isEqualTo(Masking.token(CLASSIC)).doesNotContain(CLASSIC.substring(4));
        assertThat(viewer.token().scopes()).hasValueSatisfying(s -> assertThat(s).containsExactlyInAnyOrder("repo", "read:org", "gist"));
        assertThat(viewer.token().expiresAt()).contains(Instant.parse("2023-06-14T15:09:46Z"));

        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /user HTTP/1.1");
        assertThat(request.getHeaders().get("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.getHeaders().get("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        // The client never sets the credential itself; only the HTTP layer does (none configured here).
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void fineGrainedTokenHasNoScopesHeaderAndAnExpiryWithAnOffset() throws Exception {
        // The header value exactly as recorded from GitHub in the rate-limit fixture.
        String expiration = headerFromRecording(fixture("github/get_rate_limit.http.txt"),
                "github-authentication-token-expiration");
        assertThat(expiration).isEqualTo("2023-06-14 15:09:46 -0700");
        server.enqueue(userResponse("github/get_user_authenticated.json")
                .setHeader("github-authentication-token-expiration", expiration).build());

        GitHubViewer viewer = client(Optional.of(Secret.of(FINE_GRAINED))).viewer();

        assertThat(viewer.token().kind()).isEqualTo(GitHubTokenKind.FINE_GRAINED_PAT);
        assertThat(viewer.token().scopes()).isEmpty();
        assertThat(viewer.token().expiresAt()).contains(Instant.parse("2023-06-14T22:09:46Z"));
    }

    @Test
    void presentButEmptyScopesHeaderIsAnEmptySetAndNoExpiryHeaderIsNoExpiry() throws Exception {
        server.enqueue(userResponse("github/get_user_authenticated.json").setHeader("X-OAuth-Scopes", "").build());

        GitHubViewer viewer = client(Optional.of(Secret.of(CLASSIC))).viewer();

        assertThat(viewer.token().scopes()).hasValueSatisfying(s -> assertThat(s).isEmpty());
        assertThat(viewer.token().expiresAt()).isEmpty();
    }

    @Test
    void viewerWithoutTokenFailsWithoutARequest() {
        FetchException e = fetchFailure(() -> client(Optional.empty()).viewer(), Cause.NO_CREDENTIAL);

        assertThat(e.unavailability().reason()).isEqualTo("no GitHub token was supplied");
        assertThat(e.unavailability().needed()).isEqualTo("set GITHUB_TOKEN to a fine-grained read-only token (see README)");
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void userReadsAPublicProfileWithoutTwoFactorField() throws Exception {
        server.enqueue(json(fixture("github/get_users_rtyler.json")));

        GitHubUser user = client(Optional.empty()).user("rtyler");

        assertThat(user.login()).isEqualTo("rtyler");
        assertThat(user.id()).isEqualTo(26594L);
        assertThat(user.publicEmail()).as("email: null").isEmpty();
        assertThat(user.twoFactorAuthentication()).as("field absent").isEmpty();
        assertThat(user.createdAt()).contains(Instant.parse("2008-09-28T07:28:42Z"));
        RecordedRequest request = server.takeRequest();
        assertThat(request.getRequestLine()).isEqualTo("GET /users/rtyler HTTP/1.1");
        assertThat(request.getHeaders().get("Authorization")).isNull();
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void enterpriseBaseUrlKeepsItsPathPrefixAndSegmentsAreEncoded() throws Exception {
        server.enqueue(json(fixture("github/get_users_rtyler.json")));
        server.enqueue(json(fixture("github/get_users_rtyler.json")));
        GitHubClient ghe = new GitHubClient(gateway(), server.url("/api/v3/"), Optional.empty());
        GitHubClient noSlash = new GitHubClient(gateway(), server.url("/api/v3"), Optional.empty());

        ghe.user("rtyler");
        noSlash.user("a b?c");

        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /api/v3/users/rtyler HTTP/1.1");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /api/v3/users/a%20b%3Fc HTTP/1.1");
    }

    @Test
    void dotSegmentsAreRefusedBeforeAnyRequest() {
        fetchFailure(() -> client(Optional.empty()).user(".."), Cause.NOT_CONFIGURED);
        fetchFailure(() -> client(Optional.empty()).user("a/b"), Cause.NOT_CONFIGURED);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void unknownUserIsNotFoundByName() {
        server.enqueue(json(404, "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\"}"));

        FetchException e = fetchFailure(() -> client(Optional.empty()).user("nobody-here"), Cause.NOT_FOUND);

        assertThat(e.getMessage()).contains("nobody-here");
        assertThat(e.status()).isEqualTo(404);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void serverErrorIsReportedOnce() {
        server.enqueue(status(500));

        FetchException e = fetchFailure(() -> client(Optional.of(Secret.of(CLASSIC))).viewer(), Cause.SERVER_ERROR);

        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getMessage()).doesNotContain(CLASSIC);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void truncatedJsonIsMalformed() {
        server.enqueue(json(truncated(fixture("github/get_user_authenticated.json"))));

        fetchFailure(() -> client(Optional.of(Secret.of(CLASSIC))).viewer(), Cause.MALFORMED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void htmlPageWithStatus200IsMalformed() {
        server.enqueue(html(200));

        fetchFailure(() -> client(Optional.empty()).user("rtyler"), Cause.MALFORMED);
        assertThat(server.getRequestCount()).isEqualTo(1);
    }

    @Test
    void theHttpLayerAttachesTheTokenForItsOwnHost() throws Exception {
        server.enqueue(json(fixture("github/get_user_authenticated.json")));
        Secret token = Secret.of(CLASSIC);
        HttpGateway withCredential = gateway(List.of(HostCredential.bearer("GITHUB_TOKEN", server.url("/"), token)));

        new GitHubClient(withCredential, server.url("/"), Optional.of(token)).viewer();

        assertThat(server.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + CLASSIC);
    }

    @Test
    void expirationHeaderSpellings() {
        assertThat(TokenExpiration.parse("2023-06-14 15:09:46 UTC")).contains(Instant.parse("2023-06-14T15:09:46Z"));
        assertThat(TokenExpiration.parse("2023-06-14 15:09:46 -0700")).contains(Instant.parse("2023-06-14T22:09:46Z"));
        assertThat(TokenExpiration.parse("2023-06-14 15:09:46 +0530")).contains(Instant.parse("2023-06-14T09:39:46Z"));
        assertThat(TokenExpiration.parse(null)).isEmpty();
        assertThat(TokenExpiration.parse("next tuesday")).isEmpty();
    }

    private static String headerFromRecording(String recording, String name) {
        return recording.lines()
                .filter(l -> l.regionMatches(true, 0, name + ":", 0, name.length() + 1))
                .map(l -> l.substring(name.length() + 1).trim())
                .findFirst().orElseThrow();
    }
}
