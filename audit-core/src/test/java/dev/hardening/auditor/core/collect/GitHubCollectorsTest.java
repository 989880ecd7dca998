package dev.hardening.auditor.core.collect;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.clients.github.GitHubClient;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.MemoizedFacts;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubEmails;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubOrgPeople;
import dev.hardening.auditor.core.facts.github.GitHubRecentCommits;
import dev.hardening.auditor.core.facts.github.MemberFilter;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.secrets.Secret;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The GitHub account and organisation collectors over the real client and a server answering by path and query. */
class GitHubCollectorsTest {
    private static final Secret TOKEN = Secret.of("ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8");

    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final List<String> requested = new CopyOnWriteArrayList<>();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                String target = request.getUrl().encodedPath()
                        + (request.getUrl().encodedQuery() == null ? "" : "?" + request.getUrl().encodedQuery());
                requested.add(target);
                return routes.getOrDefault(target, json(404, "{\"message\":\"Not Found\"}"));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MemoizedFacts facts(Optional<Secret> token) {
        Endpoints endpoints = Endpoints.defaults().withGithubApi(server.url("/api/v3/"));
        Clients clients = Clients.create(gateway(), endpoints, new Credentials(token, Optional.empty(), Optional.empty()));
        return new MemoizedFacts(StandardCollectors.create(clients, AuditTargets.none()));
    }

    private static String repo(String name, boolean fork) {
        return "{\"full_name\":\"u/" + name + "\",\"fork\":" + fork + ",\"archived\":false,\"default_branch\":\"main\"}";
    }

    @Test
    void recentCommitsReadTheNewestNonForkRepositoriesOnceEach() {
        StringBuilder repos = new StringBuilder("[" + repo("fork", true));
        for (int i = 1; i <= 7; i++) {
            repos.append(',').append(repo("r" + i, false));
        }
        routes.put("/api/v3/users/u/repos?type=owner&sort=pushed&per_page=30", json(repos.append(']').toString()));
        routes.put("/api/v3/repos/u/r1/commits?author=u&per_page=20", json(fixture("github/get_repos_commits_stapler.json")));
        routes.put("/api/v3/repos/u/r2/commits?author=u&per_page=20", json(409, "{\"message\":\"Git Repository is empty.\"}"));
        routes.put("/api/v3/repos/u/r3/commits?author=u&per_page=20", json("[" + fixture("github/get_commit_verification_expired_key.json") + "]"));
        routes.put("/api/v3/repos/u/r4/commits?author=u&per_page=20", json(500, "{}"));
        routes.put("/api/v3/repos/u/r5/commits?author=u&per_page=20", json("[]"));
        MemoizedFacts facts = facts(Optional.empty());

        GitHubRecentCommits recent = facts.require(GitHubFacts.recentCommits("u"));
        facts.require(GitHubFacts.recentCommits("u"));

        assertThat(recent.commits()).hasSize(9);
        assertThat(recent.commits().get(8).verification().reason()).isEqualTo("expired_key");
        assertThat(recent.repositories()).containsExactly("u/r1", "u/r2", "u/r3", "u/r5");
        assertThat(recent.gaps()).extracting(Unavailability::cause).containsExactly(Cause.SERVER_ERROR);
        assertThat(requested).as("the fork and repositories past the fifth are not read; nothing twice")
                .hasSize(6).noneMatch(r -> r.contains("/fork/") || r.contains("/r6/") || r.contains("/r7/"));
    }

    @Test
    void emailsBelongToTheTokensOwner() {
        routes.put("/api/v3/user", json(fixture("github/get_user_authenticated.json")));
        routes.put("/api/v3/user/emails?per_page=100", json(fixture("github/get_user_emails.json")));

        GitHubEmails emails = facts(Optional.of(TOKEN)).require(GitHubFacts.EMAILS);

        assertThat(emails.login()).isEqualTo("bitwiseman");
        assertThat(emails.primary()).hasValueSatisfying(e -> assertThat(e.address()).isEqualTo("bitwiseman@gmail.com"));
    }

    @Test
    void orgPeopleKeysCarryTheirFilter() {
        routes.put("/api/v3/orgs/o/members?filter=2fa_insecure&per_page=100", json("[{\"login\":\"sms-user\"}]"));
        routes.put("/api/v3/orgs/o/outside_collaborators?filter=2fa_disabled&per_page=100",
                json(422, "{\"message\":\"Only owners can use this filter.\"}"));
        MemoizedFacts facts = facts(Optional.of(TOKEN));

        GitHubOrgPeople insecure = facts.require(GitHubFacts.orgMembers("o", MemberFilter.TWO_FA_INSECURE));
        Fact<GitHubOrgPeople> refused = facts.lookup(GitHubFacts.orgOutsideCollaborators("o", MemberFilter.TWO_FA_DISABLED));

        assertThat(insecure.logins()).containsExactly("sms-user");
        assertThat(insecure.filter()).isEqualTo(MemberFilter.TWO_FA_INSECURE);
        assertThat(refused).isInstanceOfSatisfying(Fact.Unavailable.class, u ->
                assertThat(u.unavailability().needed()).isEqualTo(GitHubClient.ORG_OWNER_NEEDED));
    }

    @Test
    void signingKeysNeedNoToken() {
        routes.put("/api/v3/users/u/gpg_keys?per_page=100", json(fixture("github/get_users_gpg_keys_ed25519.json")));
        routes.put("/api/v3/users/u/ssh_signing_keys?per_page=100", json(fixture("github/get_users_ssh_signing_keys_brewtestbot.json")));
        MemoizedFacts facts = facts(Optional.empty());

        assertThat(facts.require(GitHubFacts.gpgKeys("u")).keys()).hasSize(2);
        assertThat(facts.require(GitHubFacts.sshSigningKeys("u")).keys()).hasSize(1);
    }
}
