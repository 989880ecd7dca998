package dev.hardening.auditor.core.clients.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.PathSegments;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubEmail;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubGpgKey;
import dev.hardening.auditor.core.facts.github.GitHubOrg;
import dev.hardening.auditor.core.facts.github.GitHubOrgPeople;
import dev.hardening.auditor.core.facts.github.GitHubPublicEvents;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKey;
import dev.hardening.auditor.core.facts.github.GitHubAuthKeys;
import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
import dev.hardening.auditor.core.facts.github.GitHubUserRepos;
import dev.hardening.auditor.core.facts.github.MemberFilter;
import dev.hardening.auditor.core.facts.github.GitHubTokenKind;
import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.core.keys.KeyFormatException;
import dev.hardening.auditor.core.keys.SshPublicKey;
import dev.hardening.auditor.core.keys.SshPublicKeys;
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

    public static final String ORG_OWNER_NEEDED = GitHubFacts.ORG_OWNER_NEEDED;
    public static final String EMAILS_NEEDED = GitHubFacts.EMAILS_NEEDED;

    /** GitHub keeps at most 300 public events (90 days); 3 pages of 100 read them all. */
    static final GitHubPages.Limit EVENTS = new GitHubPages.Limit(300, 3);
    /** One page of repositories: enough to find the few most recently pushed non-forks. */
    static final int REPOS_PER_PAGE = 30;
    /** Organisations larger than 5,000 people are cut here (the list is then marked incomplete). */
    static final GitHubPages.Limit PEOPLE = GitHubPages.Limit.all(50);
    static final GitHubPages.Limit KEYS = GitHubPages.Limit.all(3);

    private final HttpGateway gateway;
    private final HttpUrl baseUrl;
    private final Optional<TokenIdentity> token;
    private final GitHubPages pages;

    /** What the client knows of the token: enough to describe it, never enough to use it. */
    private record TokenIdentity(GitHubTokenKind kind, String fingerprint) {
    }

    public GitHubClient(HttpGateway gateway, HttpUrl baseUrl, Optional<Secret> token) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
        this.token = token.filter(s -> !s.isBlank()).map(GitHubClient::identify);
        this.pages = new GitHubPages(gateway);
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

    /** {@code GET /user/emails}: the token owner's addresses, with the primary one's visibility. */
    public List<GitHubEmail> emails() throws FetchException {
        if (token.isEmpty()) {
            throw Failures.noCredential("no GitHub token was supplied, so the account's own addresses cannot be read",
                    EMAILS_NEEDED);
        }
        ApiRequest request = request(url("user", "emails").newBuilder().addQueryParameter("per_page", "100").build(),
                "GET /user/emails");
        List<GitHubEmail> out = new ArrayList<>();
        try {
            for (JsonNode e : pages.fetch(request, KEYS).items()) {
                JsonFields.text(e, "email").ifPresent(address -> out.add(new GitHubEmail(address,
                        JsonFields.bool(e, "primary").orElse(false), JsonFields.bool(e, "verified").orElse(false),
                        JsonFields.text(e, "visibility"))));
            }
        } catch (FetchException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw Failures.of(Cause.FORBIDDEN, "GitHub did not let the token read GET /user/emails (HTTP " + e.status() + ")",
                        EMAILS_NEEDED, e.status());
            }
            throw e;
        }
        return out;
    }

    /** {@code GET /users/{login}/events/public}: every public event GitHub still keeps (up to 300). */
    public GitHubPublicEvents publicEvents(String login) throws FetchException {
        String l = login(login);
        HttpUrl u = url("users", l, "events", "public").newBuilder().addQueryParameter("per_page", "100").build();
        return ActivityParser.events(l, pages.fetch(request(u, "GET /users/" + l + "/events/public"), EVENTS));
    }

    /** {@code GET /users/{login}/repos?type=owner&sort=pushed}: one page of the user's own public repositories. */
    public GitHubUserRepos userRepos(String login) throws FetchException {
        String l = login(login);
        HttpUrl u = url("users", l, "repos").newBuilder().addQueryParameter("type", "owner")
                .addQueryParameter("sort", "pushed").addQueryParameter("per_page", String.valueOf(REPOS_PER_PAGE)).build();
        GitHubPages.Result result = pages.fetch(request(u, "GET /users/" + l + "/repos"), GitHubPages.Limit.items(REPOS_PER_PAGE, REPOS_PER_PAGE));
        return new GitHubUserRepos(l, result.items().stream().map(ActivityParser::repo).toList(), result.complete());
    }

    /**
     * {@code GET /repos/{owner}/{repo}/commits?author={login}}: the newest commits of the default branch
     * that GitHub attributes to {@code login}, at most {@code max}. An empty repository (HTTP 409) has none.
     */
    public List<GitHubAuthoredCommit> commitsBy(String fullName, String login, int max) throws FetchException {
        String[] parts = fullName.split("/", -1);
        if (parts.length != 2) {
            throw Failures.invalidName("'" + fullName + "' is not an owner/name repository", "check the repository name");
        }
        String owner = PathSegments.checked(parts[0], "repository owner", "check the repository name", false);
        String repo = PathSegments.checked(parts[1], "repository name", "check the repository name", false);
        String l = login(login);
        HttpUrl u = url("repos", owner, repo, "commits").newBuilder().addQueryParameter("author", l)
                .addQueryParameter("per_page", String.valueOf(max)).build();
        try {
            return pages.fetch(request(u, "GET /repos/" + owner + "/" + repo + "/commits?author=" + l),
                    GitHubPages.Limit.items(max, max)).items().stream()
                    .map(c -> ActivityParser.commit(owner + "/" + repo, c)).toList();
        } catch (FetchException e) {
            if (e.status() == 409) {
                return List.of();
            }
            throw e;
        }
    }

    /** {@code GET /users/{login}/gpg_keys}, each {@code raw_key} parsed. */
    public List<GitHubGpgKey> gpgKeys(String login) throws FetchException {
        String l = login(login);
        HttpUrl u = url("users", l, "gpg_keys").newBuilder().addQueryParameter("per_page", "100").build();
        return pages.fetch(request(u, "GET /users/" + l + "/gpg_keys"), KEYS).items().stream()
                .map(SigningKeyParser::gpgKey).toList();
    }

    /** {@code GET /users/{login}/ssh_signing_keys}, each key parsed. */
    public List<GitHubSshSigningKey> sshSigningKeys(String login) throws FetchException {
        String l = login(login);
        HttpUrl u = url("users", l, "ssh_signing_keys").newBuilder().addQueryParameter("per_page", "100").build();
        return pages.fetch(request(u, "GET /users/" + l + "/ssh_signing_keys"), KEYS).items().stream()
                .map(SigningKeyParser::sshSigningKey).toList();
    }

    /** {@code GET /orgs/{org}}; {@code two_factor_requirement_enabled} is there only for members. */
    public GitHubOrg org(String login) throws FetchException {
        String o = PathSegments.checked(login, "GitHub organisation", "check the --github-org value", false);
        ApiRequest request = request(url("orgs", o), "GET /orgs/" + o);
        JsonNode json = gateway.getJsonIfFound(request).orElseThrow(() -> Failures.notFound(
                "GitHub has no organisation '" + o + "'", "check the --github-org name (it may have been renamed)"));
        return new GitHubOrg(JsonFields.textOrEmpty(json, "login"), JsonFields.number(json, "id").orElse(0L),
                JsonFields.textOrEmpty(json, "name"), JsonFields.bool(json, "two_factor_requirement_enabled"));
    }

    /** {@code GET /orgs/{org}/members?filter=...}, every page. The 2FA filters answer organisation owners only. */
    public GitHubOrgPeople orgMembers(String org, MemberFilter filter) throws FetchException {
        return orgPeople(org, filter, false);
    }

    /** {@code GET /orgs/{org}/outside_collaborators?filter=...}, every page; owners only. */
    public GitHubOrgPeople orgOutsideCollaborators(String org, MemberFilter filter) throws FetchException {
        return orgPeople(org, filter, true);
    }

    private GitHubOrgPeople orgPeople(String org, MemberFilter filter, boolean outside) throws FetchException {
        String o = PathSegments.checked(org, "GitHub organisation", "check the --github-org value", false);
        String list = outside ? "outside_collaborators" : "members";
        String resource = "GET /orgs/" + o + "/" + list + "?filter=" + filter.query();
        if (token.isEmpty()) {
            // Without a token GitHub lists public members only: a list that looks complete and is not.
            throw Failures.noCredential("no GitHub token was supplied, so " + resource + " cannot be read", ORG_OWNER_NEEDED);
        }
        HttpUrl u = url("orgs", o, list).newBuilder().addQueryParameter("filter", filter.query())
                .addQueryParameter("per_page", "100").build();
        GitHubPages.Result result;
        try {
            result = pages.fetch(request(u, resource), PEOPLE);
        } catch (FetchException e) {
            if (e.status() == 403 || e.status() == 422) {
                throw Failures.of(Cause.FORBIDDEN, "GitHub answers " + resource + " only for owners of " + o
                        + " (HTTP " + e.status() + ")", ORG_OWNER_NEEDED, e.status());
            }
            throw e;
        }
        if (!result.complete()) {
            throw Failures.of(Cause.TOO_LARGE, resource + " lists more than " + result.items().size()
                    + " people; the auditor stops there", "audit the organisation in the GitHub settings page instead", 0);
        }
        List<String> logins = new ArrayList<>();
        result.items().forEach(p -> JsonFields.text(p, "login").ifPresent(logins::add));
        return new GitHubOrgPeople(o, filter, outside, logins);
    }

    private static String login(String login) throws FetchException {
        return PathSegments.checked(login, "GitHub login", "check the --github-user value", false);
    }

    /** {@code GET /users/{login}/keys}: the user's SSH authentication keys (public; every page, up to 300 keys). */
    public GitHubAuthKeys authenticationKeys(String login) throws FetchException {
        return sshKeys(login, "keys");
    }

    private GitHubAuthKeys sshKeys(String login, String list) throws FetchException {
        String l = login(login);
        HttpUrl url = url("users", l, list).newBuilder().addQueryParameter("per_page", "100").build();
        ApiRequest request = request(url, "GET /users/" + l + "/" + list);
        GitHubPages.Result read;
        try {
            read = pages.fetch(request, KEYS);
        } catch (FetchException e) {
            if (e.status() == 404) {
                throw Failures.notFound("GitHub has no user '" + l + "'", "check the --github-user login");
            }
            throw e;
        }
        if (!read.complete()) {
            // A partial list could miss the very key a local one is compared with: no answer rather than a wrong one.
            throw Failures.of(Cause.TOO_LARGE, "GitHub user " + l + " has more SSH keys than the auditor reads ("
                    + KEYS.maxPages() + " pages of 100)", "review the keys at https://github.com/settings/keys", 200);
        }
        List<GitHubAuthKeys.Key> keys = new ArrayList<>();
        for (JsonNode k : read.items()) {
            long id = JsonFields.number(k, "id").orElse(0L);
            Optional<String> line = JsonFields.text(k, "key");
            if (line.isEmpty()) {
                continue;
            }
            try {
                SshPublicKey pub = SshPublicKeys.parse(line.get());
                keys.add(new GitHubAuthKeys.Key(id, pub.type(), pub.description().bits().orElse(0), pub.fingerprint()));
            } catch (KeyFormatException unreadable) {
                // A key GitHub lists but this auditor cannot read cannot match a local key either.
            }
        }
        return new GitHubAuthKeys(l, keys);
    }

    static GitHubUser parseUser(JsonNode json) throws FetchException {
        // Every user GitHub describes has a login; a document without one is not a user (another shape, an error).
        if (!json.path("login").isTextual() || json.path("login").asText().isBlank()) {
            throw Failures.malformed("GitHub's answer is not a user (it has no login)",
                    "retry later; if it persists, check the GitHub API URL setting", 200);
        }
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
