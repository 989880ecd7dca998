package dev.hardening.auditor.core.clients.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.PathSegments;
import dev.hardening.auditor.core.facts.github.GitHubAuthKeys;
import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
import dev.hardening.auditor.core.facts.github.GitHubTokenKind;
import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.core.workstation.ssh.SshPublicKey;
import java.nio.CharBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * GitHub REST API client. The base URL may carry a path prefix (GitHub Enterprise Server:
 * {@code https://ghe.example/api/v3/}). The token is attached by the HTTP layer; this client only
 * needs to know whether there is one, its kind and its fingerprint, so it keeps nothing else of it.
 */
public final class GitHubClient {
    static final String ACCEPT = "application/vnd.github+json";
    static final String API_VERSION = "2022-11-28";

    private final HttpGateway gateway;
    private final HttpUrl baseUrl;
    private final Optional<TokenIdentity> token;

    /** What the client knows of the token: enough to describe it, never enough to use it. */
    private record TokenIdentity(GitHubTokenKind kind, String fingerprint) {
    }

    public GitHubClient(HttpGateway gateway, HttpUrl baseUrl, Optional<Secret> token) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
        this.token = token.filter(s -> !s.isBlank()).map(GitHubClient::identify);
    }

    /** Whether a token was supplied (facts that need one are skipped, not failed, without it). */
    public boolean hasToken() {
        return token.isPresent();
    }

    /** {@code GET /user}: the token's own account and what the token is. */
    public GitHubViewer viewer() throws FetchException {
        TokenIdentity identity = token.orElseThrow(() -> Failures.noCredential("no GitHub token was supplied",
                "set GITHUB_TOKEN to a fine-grained read-only token (see README)"));
        ApiRequest request = request(url("user"), "GET /user");
        ApiResponse response = gateway.get(request);
        GitHubUser user = parseUser(gateway.parseJson(request, response));
        GitHubTokenInfo info = new GitHubTokenInfo(identity.kind(), identity.fingerprint(),
                scopes(response.header("X-OAuth-Scopes")),
                TokenExpiration.parse(response.header("github-authentication-token-expiration")));
        return new GitHubViewer(user, info);
    }

    /** {@code GET /users/{login}}: a public profile. */
    public GitHubUser user(String login) throws FetchException {
        String l = PathSegments.checked(login, "GitHub login", "check the --github-user value", false);
        ApiRequest request = request(url("users", l), "GET /users/" + l);
        JsonNode json = gateway.getJsonIfFound(request).orElseThrow(() -> Failures.notFound(
                "GitHub has no user '" + l + "'", "check the --github-user login (it may have been renamed or deleted)"));
        return parseUser(json);
    }

    /** {@code GET /users/{login}/keys}: the user's SSH authentication keys (public, first 100). */
    public GitHubAuthKeys authenticationKeys(String login) throws FetchException {
        return sshKeys(login, "keys");
    }

    /** {@code GET /users/{login}/ssh_signing_keys}: the user's SSH signing keys (public, first 100). */
    public GitHubAuthKeys sshSigningKeys(String login) throws FetchException {
        return sshKeys(login, "ssh_signing_keys");
    }

    private GitHubAuthKeys sshKeys(String login, String list) throws FetchException {
        String l = PathSegments.checked(login, "GitHub login", "check the --github-user value", false);
        HttpUrl url = url("users", l, list).newBuilder().addQueryParameter("per_page", "100").build();
        ApiRequest request = request(url, "GET /users/" + l + "/" + list);
        JsonNode json = gateway.getJsonIfFound(request).orElseThrow(() -> Failures.notFound(
                "GitHub has no user '" + l + "'", "check the --github-user login"));
        if (!json.isArray()) {
            throw Failures.malformed("GitHub answered " + request.resource() + " with something other than a list of keys",
                    "retry later; if it persists, report it with --debug output", 200);
        }
        List<GitHubAuthKeys.Key> keys = new ArrayList<>();
        for (JsonNode k : JsonFields.elements(json)) {
            long id = JsonFields.number(k, "id").orElse(0L);
            JsonFields.text(k, "key").flatMap(SshPublicKey::fromLine)
                    .ifPresent(pub -> keys.add(new GitHubAuthKeys.Key(id, pub.type(), pub.bits(), pub.fingerprint())));
        }
        return new GitHubAuthKeys(l, keys);
    }

    static GitHubUser parseUser(JsonNode json) {
        return new GitHubUser(
                JsonFields.textOrEmpty(json, "login"),
                JsonFields.number(json, "id").orElse(0L),
                JsonFields.textOrEmpty(json, "name"),
                JsonFields.text(json, "email"),
                // Absent, not false, when GitHub did not say: the token may lack the scope to read it.
                JsonFields.bool(json, "two_factor_authentication"),
                JsonFields.instant(json, "created_at"));
    }

    /**
     * {@code X-OAuth-Scopes}: absent for fine-grained tokens (no scopes to report), present but
     * empty for a classic token with no scopes.
     */
    static Optional<Set<String>> scopes(String header) {
        if (header == null) {
            return Optional.empty();
        }
        Set<String> scopes = new LinkedHashSet<>();
        for (String s : header.split(",")) {
            if (!s.isBlank()) {
                scopes.add(s.trim());
            }
        }
        return Optional.of(scopes);
    }

    private ApiRequest request(HttpUrl url, String resource) {
        return ApiRequest.get(Platform.GITHUB, url, resource)
                .withHeader("Accept", ACCEPT)
                .withHeader("X-GitHub-Api-Version", API_VERSION);
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private static TokenIdentity identify(Secret secret) {
        char[] chars = secret.revealChars();
        try {
            return new TokenIdentity(GitHubTokenKind.of(CharBuffer.wrap(chars)), secret.fingerprint());
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
