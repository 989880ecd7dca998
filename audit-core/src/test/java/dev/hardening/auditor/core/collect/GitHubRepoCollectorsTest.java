package dev.hardening.auditor.core.collect;

import static dev.hardening.auditor.core.clients.ClientTestSupport.fixture;
import static dev.hardening.auditor.core.clients.ClientTestSupport.gateway;
import static dev.hardening.auditor.core.clients.ClientTestSupport.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.MemoizedFacts;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.ClassicBranchProtection;
import dev.hardening.auditor.core.facts.github.repo.IgnoredLink;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.RepositoryLink;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.core.testing.TargetsBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The repository collectors over the real client and a mock server answering by path. */
class GitHubRepoCollectorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Secret TOKEN = Secret.of("ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8");

    private final Map<String, MockResponse> routes = new ConcurrentHashMap<>();
    private final List<String> requested = new java.util.concurrent.CopyOnWriteArrayList<>();
    private MockWebServer server;

    @BeforeEach
    void start() throws Exception {
        server = new MockWebServer();
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requested.add(request.getUrl().encodedPath());
                return routes.getOrDefault(request.getUrl().encodedPath(), json(404, "{\"message\":\"Not Found\"}"));
            }
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private MemoizedFacts facts(AuditTargets targets, boolean token) {
        Endpoints endpoints = Endpoints.defaults().withGithubApi(server.url("/github/")).withNpmRegistry(server.url("/npm/"))
                .withPypi(server.url("/pypi-host/"));
        Credentials credentials = new Credentials(token ? Optional.of(TOKEN) : Optional.empty(), Optional.empty(), Optional.empty());
        return new MemoizedFacts(StandardCollectors.create(Clients.create(gateway(), endpoints, credentials), targets));
    }

    @Test
    void packagesLinkTheirRepositoriesWhichAreDeduplicatedAcrossRegistries() throws Exception {
        routes.put("/npm/has-package-exports", json(fixture("npm/packument_full_has-package-exports.json")));
        ObjectNode second = (ObjectNode) JSON.readTree(fixture("npm/packument_full_has-package-exports.json"));
        second.put("name", "has-package-exports-copy").put("_id", "has-package-exports-copy");
        ((ObjectNode) second.get("repository")).put("url", "github:Inspect-JS/has-package-exports");
        routes.put("/npm/has-package-exports-copy", json(second.toString()));
        routes.put("/npm/tiny-tarball", json(fixture("npm/packument_full_tiny-tarball.json")));
        routes.put("/pypi-host/pypi/poetry-core/json", json(fixture("pypi/pypi_json_poetry-core_2.1.3.json")));

        PublishingRepositories repos = facts(TargetsBuilder.targets()
                .npmPackage("has-package-exports", "has-package-exports-copy", "tiny-tarball").pypiProject("poetry-core").build(), false)
                .require(GitHubRepoFacts.PUBLISHING_REPOSITORIES);

        assertThat(repos.repositories()).extracting(r -> r.repo().fullName())
                .containsExactly("inspect-js/has-package-exports", "python-poetry/poetry-core");
        PublishingRepository npm = repos.repositories().get(0);
        assertThat(npm.linkedFrom()).containsExactly(
                new RepositoryLink("npm:has-package-exports", "repository", "git+https://github.com/inspect-js/has-package-exports.git"),
                new RepositoryLink("npm:has-package-exports-copy", "repository", "github:Inspect-JS/has-package-exports"));
        // poetry-core's "Bug Tracker" points to python-poetry/poetry: a source label wins over it.
        assertThat(repos.repositories().get(1).linkedFrom()).extracting(RepositoryLink::field)
                .containsExactly("project_urls.Repository");
        assertThat(repos.ignored()).extracting(IgnoredLink::reason).containsExactly("the package metadata names no repository");
        assertThat(repos.gaps()).isEmpty();
        assertThat(requested).noneMatch(p -> p.startsWith("/github/"));
    }

    @Test
    void anUnreadablePackageIsAGapAndTheOthersAreStillLinked() {
        routes.put("/npm/has-package-exports", json(fixture("npm/packument_full_has-package-exports.json")));
        routes.put("/npm/broken", json(500, "{}"));

        PublishingRepositories repos = facts(TargetsBuilder.targets().npmPackage("has-package-exports", "broken").build(), false)
                .require(GitHubRepoFacts.PUBLISHING_REPOSITORIES);

        assertThat(repos.repositories()).hasSize(1);
        assertThat(repos.gaps()).extracting(g -> g.cause()).containsExactly(Cause.SERVER_ERROR);
    }

    @Test
    void aGithubUserAloneIsAuditedThroughTheirOwnRepositories() throws Exception {
        ObjectNode own = (ObjectNode) JSON.readTree(fixture("github/get_repos_hub4j_ghdeploykeytest.json"));
        ObjectNode fork = own.deepCopy().put("full_name", "hub4j-test-org/fork").put("fork", true);
        routes.put("/github/users/hub4j-test-org/repos", json(JSON.createArrayNode().add(fork).add(own).toString()));

        PublishingRepositories repos = facts(TargetsBuilder.targets().githubUser("hub4j-test-org").build(), false)
                .require(GitHubRepoFacts.PUBLISHING_REPOSITORIES);

        assertThat(repos.repositories()).extracting(r -> r.repo().fullName()).containsExactly("hub4j-test-org/GHDeployKeyTest");
        assertThat(repos.repositories().get(0).linkedFrom().get(0).source()).isEqualTo("github-user:hub4j-test-org");
    }

    @Test
    void aGithubUserWithPackagesIsNotListedForRepositories() {
        routes.put("/npm/has-package-exports", json(fixture("npm/packument_full_has-package-exports.json")));

        facts(TargetsBuilder.targets().githubUser("someone").npmPackage("has-package-exports").build(), false)
                .require(GitHubRepoFacts.PUBLISHING_REPOSITORIES);

        assertThat(requested).noneMatch(p -> p.contains("/users/"));
    }

    @Test
    void adminOnlyRequestsAreNotSentWhenTheRepositoryShowsTheAccountIsNoAdmin() throws Exception {
        ObjectNode repo = (ObjectNode) JSON.readTree(fixture("github/get_repos_hub4j_ghdeploykeytest.json"));
        ((ObjectNode) repo.get("permissions")).put("admin", false).put("maintain", false);
        routes.put("/github/repos/hub4j-test-org/GHDeployKeyTest", json(repo.toString()));
        RepoRef ref = new RepoRef("hub4j-test-org", "GHDeployKeyTest");
        MemoizedFacts facts = facts(AuditTargets.none(), true);

        Fact<ClassicBranchProtection> protection = facts.lookup(GitHubRepoFacts.classicProtection(ref, "main"));
        Fact<?> keys = facts.lookup(GitHubRepoFacts.deployKeys(ref));

        assertThat(protection).isInstanceOfSatisfying(Fact.Unavailable.class, u -> {
            assertThat(u.unavailability().cause()).isEqualTo(Cause.FORBIDDEN);
            assertThat(u.unavailability().reason()).contains("no admin rights on hub4j-test-org/GHDeployKeyTest");
            assertThat(u.unavailability().needed()).contains("Administration: read (fine-grained) or repo (classic)");
        });
        assertThat(keys.isAvailable()).isFalse();
        assertThat(requested).containsExactly("/github/repos/hub4j-test-org/GHDeployKeyTest");
    }

    @Test
    void eachResourceIsFetchedOnceHoweverOftenItIsAskedFor() {
        routes.put("/github/repos/hub4j-test-org/GHDeployKeyTest/branches/main/protection",
                json(404, fixture("github/error_404_branch_not_protected_pygithub.json")));
        RepoRef ref = new RepoRef("hub4j-test-org", "GHDeployKeyTest");
        MemoizedFacts facts = facts(AuditTargets.none(), true);

        facts.lookup(GitHubRepoFacts.classicProtection(ref, "main"));
        ClassicBranchProtection p = facts.require(GitHubRepoFacts.classicProtection(ref, "main"));

        assertThat(p.present()).isFalse();
        assertThat(requested).filteredOn(r -> r.endsWith("/protection")).hasSize(1);
    }
}
