package dev.hardening.auditor.core.clients.github;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fetchFailure;
import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubEmail;
import dev.hardening.auditor.core.facts.github.GitHubGpgKey;
import dev.hardening.auditor.core.facts.github.GitHubOrg;
import dev.hardening.auditor.core.facts.github.GitHubOrgPeople;
import dev.hardening.auditor.core.facts.github.GitHubPublicEvents;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKey;
import dev.hardening.auditor.core.facts.github.MemberFilter;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.secrets.Secret;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The account and organisation endpoints of {@link GitHubClient}, on recorded GitHub responses. */
class GitHubAccountEndpointsTest {
    private static final String TOKEN = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

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

    private GitHubClient withToken() {
        return new GitHubClient(gateway(), server.url("/"), Optional.of(Secret.of(TOKEN)));
    }

    private GitHubClient anonymous() {
        return new GitHubClient(gateway(), server.url("/"), Optional.empty());
    }

    @Test
    void emailsReadThePrimaryAddressAndItsVisibility() throws Exception {
        server.enqueue(json(fixture("github/get_user_emails.json")));
        server.enqueue(json(fixture("github/get_user_emails_pygithub.json")));

        List<GitHubEmail> hub4j = withToken().emails();
        List<GitHubEmail> pygithub = withToken().emails();

        assertThat(hub4j).extracting(GitHubEmail::address, GitHubEmail::primary, GitHubEmail::visibility).containsExactly(
                tuple("bitwiseman@gmail.com", true, Optional.of("public")),
                tuple("bitwiseman@users.noreply.github.com", false, Optional.empty()));
        assertThat(pygithub.get(0).visibility()).contains("private");
        assertThat(pygithub).extracting(GitHubEmail::verified).containsExactly(true, false, false, true);
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /user/emails?per_page=100 HTTP/1.1");
    }

    @Test
    void emailsWithoutTokenAreNotRequested() {
        FetchException e = fetchFailure(() -> anonymous().emails(), Cause.NO_CREDENTIAL);

        assertThat(e.unavailability().needed()).isEqualTo(GitHubClient.EMAILS_NEEDED);
        assertThat(server.getRequestCount()).isZero();
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 404})
    void emailsRefusedNameThePermissionNeeded(int status) {
        server.enqueue(json(status, "{\"message\":\"Resource not accessible by personal access token\"}"));

        FetchException e = fetchFailure(() -> withToken().emails(), Cause.FORBIDDEN);

        assertThat(e.unavailability().needed()).contains("user:email").contains("Email addresses: read");
        assertThat(e.getMessage()).doesNotContain(TOKEN);
    }

    @Test
    void publicEventsKeepThePushedCommitsOnlyAndFollowPages() throws Exception {
        server.enqueue(json(fixture("github/get_users_events_public.json")).newBuilder()
                .setHeader("Link", "<" + server.url("/user/9881659/events/public?per_page=100&page=2") + ">; rel=\"next\"").build());
        server.enqueue(json("[]"));

        GitHubPublicEvents events = anonymous().publicEvents("PierreBtz");

        assertThat(events.events()).isEqualTo(8);
        assertThat(events.pushEvents()).isEqualTo(2);
        assertThat(events.pushEventsWithoutCommits()).isZero();
        assertThat(events.commits()).hasSize(13);
        assertThat(events.commits().get(0)).satisfies(c -> {
            assertThat(c.repo()).isEqualTo("PierreBtz/github-api");
            assertThat(c.sha()).isEqualTo("ac741a86051654a34a8429658181d5d757763278");
            assertThat(c.authorName()).isEqualTo("Pierre Beitz");
            assertThat(c.authorEmail()).isEqualTo("pibeitz@gmail.com");
            assertThat(c.pushedAt()).contains(Instant.parse("2023-04-14T09:41:22Z"));
        });
        assertThat(events.complete()).isTrue();
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /users/PierreBtz/events/public?per_page=100 HTTP/1.1");
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /user/9881659/events/public?per_page=100&page=2 HTTP/1.1");
    }

    @Test
    void pushEventsWithoutACommitListAreCounted() throws Exception {
        // Since 2025 GitHub may send PushEvents with only head and before: nothing to read, but counted.
        server.enqueue(json("[{\"type\":\"PushEvent\",\"repo\":{\"name\":\"o/r\"},\"payload\":{\"ref\":\"refs/heads/main\","
                + "\"head\":\"ac741a8\",\"before\":\"b29b53b\"},\"created_at\":\"2025-10-01T00:00:00Z\"}]"));

        GitHubPublicEvents events = anonymous().publicEvents("someone");

        assertThat(events.pushEvents()).isEqualTo(1);
        assertThat(events.pushEventsWithoutCommits()).isEqualTo(1);
        assertThat(events.commits()).isEmpty();
    }

    @Test
    void commitsByTheUserCarryVerificationAndLinkedAccounts() throws Exception {
        server.enqueue(json(fixture("github/get_repos_commits_stapler.json")));

        List<GitHubAuthoredCommit> commits = anonymous().commitsBy("stapler/stapler", "jglick", 20);

        assertThat(commits).hasSize(8);
        assertThat(commits).extracting(c -> c.verification().reason())
                .containsExactly("valid", "valid", "valid", "valid", "valid", "unsigned", "valid", "valid");
        GitHubAuthoredCommit web = commits.get(4);
        assertThat(web.authorLogin()).contains("jeffret-b");
        assertThat(web.committerLogin()).contains("web-flow");
        assertThat(web.committerEmail()).isEqualTo("noreply@github.com");
        assertThat(web.repo()).isEqualTo("stapler/stapler");
        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /repos/stapler/stapler/commits?author=jglick&per_page=20 HTTP/1.1");
    }

    @Test
    void aCommitWithoutVerificationIsNotVerified() throws Exception {
        server.enqueue(json("[{\"sha\":\"abc\",\"commit\":{\"author\":{\"email\":\"a@b.c\"}}}]"));

        GitHubAuthoredCommit commit = anonymous().commitsBy("o/r", "u", 5).get(0);

        assertThat(commit.verification().verified()).isFalse();
        assertThat(commit.verification().reason()).isEqualTo("unknown");
    }

    @Test
    void anEmptyRepositoryHasNoCommits() throws Exception {
        server.enqueue(json(409, "{\"message\":\"Git Repository is empty.\"}"));

        assertThat(anonymous().commitsBy("o/empty", "u", 5)).isEmpty();
    }

    @Test
    void gpgKeysAreParsedAndAKeyWithoutRawKeyIsKeptWithItsProblem() throws Exception {
        server.enqueue(json(fixture("github/get_users_gpg_keys_ed25519.json")));

        List<GitHubGpgKey> keys = anonymous().gpgKeys("spiegel-im-spiegel");

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).certificate()).hasValueSatisfying(c ->
                assertThat(c.primary().description().display()).isEqualTo("EdDSA Ed25519"));
        assertThat(keys.get(0).problem()).isEmpty();
        assertThat(keys.get(0).subkeys()).extracting(s -> s.keyId() + " " + s.description().orElseThrow().display())
                .containsExactly("8EF2411709BAC3A4 ECDH Curve25519");
        assertThat(keys.get(1).keyId()).isEqualTo("B4DA3BAE7E20B81C");
        assertThat(keys.get(1).certificate()).isEmpty();
        assertThat(keys.get(1).description()).as("public_key is null too").isEmpty();
        assertThat(keys.get(1).problem()).hasValueSatisfying(p -> assertThat(p).contains("raw_key is null"));
        assertThat(keys.get(1).canSign()).isTrue();
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /users/spiegel-im-spiegel/gpg_keys?per_page=100 HTTP/1.1");
    }

    @Test
    void aMalformedRawKeyBecomesAProblemNotAFailure() throws Exception {
        String truncated = fixture("github/get_users_gpg_keys_ed25519.json").replace("=n3Jr\\r\\n-----END PGP PUBLIC KEY BLOCK-----\\r\\n", "");
        server.enqueue(json(truncated));

        GitHubGpgKey key = anonymous().gpgKeys("someone").get(0);

        assertThat(key.certificate()).isEmpty();
        assertThat(key.problem()).hasValueSatisfying(p -> assertThat(p).startsWith("its raw_key cannot be read: ").contains("truncated"));
        assertThat(key.description()).as("public_key still describes it").hasValueSatisfying(d ->
                assertThat(d.display()).isEqualTo("EdDSA Ed25519"));
    }

    @Test
    void sshSigningKeysAreParsed() throws Exception {
        server.enqueue(json(fixture("github/get_users_ssh_signing_keys_brewtestbot.json")));

        List<GitHubSshSigningKey> keys = anonymous().sshSigningKeys("BrewTestBot");

        assertThat(keys).singleElement().satisfies(k -> {
            assertThat(k.id()).isEqualTo(475371L);
            assertThat(k.title()).isEqualTo("BREWTESTBOT_SSH_SIGNING_KEY");
            assertThat(k.createdAt()).contains(Instant.parse("2025-02-03T16:50:27.377Z"));
            assertThat(k.key().orElseThrow().description().display()).isEqualTo("EdDSA Ed25519");
        });
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /users/BrewTestBot/ssh_signing_keys?per_page=100 HTTP/1.1");
    }

    @Test
    void orgShowsTheTwoFactorRequirementOnlyWhenGitHubSendsIt() throws Exception {
        server.enqueue(json(fixture("github/get_orgs_quarkusio.json")));
        server.enqueue(json(fixture("github/get_orgs_hub4j-test-org.json")));
        String publicView = fixture("github/get_orgs_quarkusio.json").replace("\"two_factor_requirement_enabled\": true,", "");
        server.enqueue(json(publicView));

        GitHubOrg quarkus = anonymous().org("quarkusio");
        GitHubOrg hub4j = anonymous().org("hub4j-test-org");
        GitHubOrg outsider = anonymous().org("quarkusio");

        assertThat(quarkus.twoFactorRequirementEnabled()).contains(true);
        assertThat(quarkus.name()).isEqualTo("QuarkusIO");
        assertThat(hub4j.twoFactorRequirementEnabled()).contains(false);
        assertThat(outsider.twoFactorRequirementEnabled()).isEmpty();
        assertThat(server.takeRequest().getRequestLine()).isEqualTo("GET /orgs/quarkusio HTTP/1.1");
    }

    @Test
    void unknownOrgIsNotFoundByName() {
        server.enqueue(json(404, "{\"message\":\"Not Found\"}"));

        FetchException e = fetchFailure(() -> anonymous().org("no-such-org"), Cause.NOT_FOUND);

        assertThat(e.getMessage()).contains("no-such-org");
    }

    @Test
    void orgMembersWithAFilterReadEveryPage() throws Exception {
        server.enqueue(json(fixture("github/get_orgs_members.json")).newBuilder()
                .setHeader("Link", "<" + server.url("/organizations/7544739/members?filter=2fa_disabled&per_page=100&page=2")
                        + ">; rel=\"next\"").build());
        server.enqueue(json("[{\"login\":\"late-member\",\"id\":1}]"));

        GitHubOrgPeople people = withToken().orgMembers("hub4j-test-org", MemberFilter.TWO_FA_DISABLED);

        assertThat(people.logins()).hasSize(13).startsWith("alexanderrtaylor").endsWith("late-member");
        assertThat(people.filter()).isEqualTo(MemberFilter.TWO_FA_DISABLED);
        assertThat(people.outsideCollaborators()).isFalse();
        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /orgs/hub4j-test-org/members?filter=2fa_disabled&per_page=100 HTTP/1.1");
    }

    @Test
    void outsideCollaboratorsUseTheirOwnEndpoint() throws Exception {
        server.enqueue(json("[]"));

        GitHubOrgPeople people = withToken().orgOutsideCollaborators("octo", MemberFilter.TWO_FA_INSECURE);

        assertThat(people.logins()).isEmpty();
        assertThat(people.outsideCollaborators()).isTrue();
        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /orgs/octo/outside_collaborators?filter=2fa_insecure&per_page=100 HTTP/1.1");
    }

    @ParameterizedTest
    @ValueSource(ints = {403, 422})
    void twoFactorFiltersForNonOwnersNameTheRoleNeeded(int status) {
        server.enqueue(json(status, "{\"message\":\"Only owners can use this filter.\"}"));

        FetchException e = fetchFailure(() -> withToken().orgMembers("octo", MemberFilter.TWO_FA_INSECURE), Cause.FORBIDDEN);

        assertThat(e.unavailability().needed()).isEqualTo(GitHubClient.ORG_OWNER_NEEDED);
        assertThat(e.getMessage()).contains("owners of octo");
    }

    @Test
    void orgListsWithoutATokenAreNotRequested() {
        fetchFailure(() -> anonymous().orgMembers("octo", MemberFilter.TWO_FA_DISABLED), Cause.NO_CREDENTIAL);
        assertThat(server.getRequestCount()).isZero();
    }

    @Test
    void enterpriseServerBaseUrlPrefixesEveryEndpoint() throws Exception {
        for (int i = 0; i < 4; i++) {
            server.enqueue(json("[]"));
        }
        GitHubClient ghe = new GitHubClient(gateway(), server.url("/api/v3/"), Optional.of(Secret.of(TOKEN)));

        ghe.gpgKeys("u");
        ghe.sshSigningKeys("u");
        ghe.orgMembers("o", MemberFilter.TWO_FA_DISABLED);
        ghe.commitsBy("u/r", "u", 3);

        List<String> lines = List.of(server.takeRequest(), server.takeRequest(), server.takeRequest(), server.takeRequest())
                .stream().map(RecordedRequest::getRequestLine).toList();
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("GET /api/v3/"));
    }

    @Test
    void repositoriesAreTheUsersOwnMostRecentlyPushed() throws Exception {
        server.enqueue(json("[{\"full_name\":\"u/a\",\"fork\":false,\"archived\":false,\"default_branch\":\"main\","
                + "\"pushed_at\":\"2026-05-01T00:00:00Z\"},{\"full_name\":\"u/b\",\"fork\":true,\"default_branch\":\"master\"}]"));

        var repos = anonymous().userRepos("u");

        assertThat(repos.repositories()).extracting(r -> r.fullName() + " " + r.fork()).containsExactly("u/a false", "u/b true");
        assertThat(server.takeRequest().getRequestLine())
                .isEqualTo("GET /users/u/repos?type=owner&sort=pushed&per_page=30 HTTP/1.1");
    }
}
