package dev.hardening.auditor.checks.github.repoaccess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedGitHubRepos;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.RepositoryLink;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RepoAccessCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new RepoAccessCheck());
    private static final RepoRef REPO = new RepoRef("hub4j-test-org", "GHDeployKeyTest");
    private static final String ADMIN_NEEDED = "a token with Administration: read (fine-grained) or repo (classic) on "
            + "hub4j-test-org/GHDeployKeyTest, from an account with admin rights on it";
    private static final String PUSH_NEEDED = "a token of an account with push access to hub4j-test-org/GHDeployKeyTest, with "
            + "Metadata: read (fine-grained) or repo and read:org (classic)";

    /** One repository; admins, outside collaborators and keys set per test. */
    static final class World {
        final FakeFacts facts = FakeFacts.none()
                .with(GitHubRepoFacts.PUBLISHING_REPOSITORIES, new PublishingRepositories(List.of(new PublishingRepository(REPO,
                        List.of(new RepositoryLink("npm:x", "repository", "github:hub4j-test-org/GHDeployKeyTest")))), List.of(), List.of()))
                .with(GitHubRepoFacts.repository(REPO),
                        RecordedGitHubRepos.repository(REPO, Fixtures.json("github/get_repos_hub4j_ghdeploykeytest.json")));

        /** Admins: the first {@code n} people of the recorded collaborator list, made admins. */
        World admins(int n) {
            ArrayNode people = (ArrayNode) Fixtures.json("github/get_repos_collaborators.json");
            ArrayNode admins = people.arrayNode();
            for (int i = 0; i < n; i++) {
                ObjectNode p = (ObjectNode) people.get(i);
                ((ObjectNode) p.get("permissions")).put("admin", true);
                p.put("role_name", "admin");
                admins.add(p);
            }
            facts.with(GitHubRepoFacts.admins(REPO), RecordedGitHubRepos.collaborators(REPO, "affiliation=all&permission=admin", admins));
            return this;
        }

        /** Outside collaborators: the recorded list ("vbehar" maintain first), or its first person only with {@code role}. */
        World outside(String role) {
            ArrayNode people = (ArrayNode) Fixtures.json("github/get_repos_collaborators_affiliation_direct.json");
            ArrayNode chosen = people.arrayNode();
            if (role != null) {
                ObjectNode p = (ObjectNode) people.get(0);
                ObjectNode perms = (ObjectNode) p.get("permissions");
                perms.put("admin", role.equals("admin")).put("push", !role.equals("read")).put("pull", true);
                chosen.add(p);
            }
            facts.with(GitHubRepoFacts.outsideCollaborators(REPO), RecordedGitHubRepos.collaborators(REPO, "affiliation=outside", chosen));
            return this;
        }

        /** Deploy keys: the recorded pair (one read-write, one read-only), or only the read-only one. */
        World keys(boolean withWriteKey) {
            ArrayNode keys = (ArrayNode) Fixtures.json("github/get_repos_keys_hub4j.json");
            if (!withWriteKey) {
                keys.remove(0);
            }
            facts.with(GitHubRepoFacts.deployKeys(REPO), RecordedGitHubRepos.deployKeys(REPO, keys));
            return this;
        }

        World hidden(String what, String needed) {
            var key = switch (what) {
                case "admins" -> GitHubRepoFacts.admins(REPO);
                case "outside" -> GitHubRepoFacts.outsideCollaborators(REPO);
                default -> GitHubRepoFacts.deployKeys(REPO);
            };
            facts.unavailable(key, Unavailability.of(Cause.NO_CREDENTIAL, "no GitHub token was supplied to read " + what, needed));
            return this;
        }
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("two admins, no outside writers, read-only key", new World().admins(2).outside(null).keys(false),
                        Status.PASS, "no deploy key can write"),
                Arguments.of("an outside collaborator with admin rights", new World().admins(2).outside("admin").keys(false),
                        Status.FAIL, "outside collaborator with admin rights"),
                Arguments.of("an outside collaborator who can push", new World().admins(2).outside("write").keys(false),
                        Status.WARN, "Outside collaborators can push"),
                Arguments.of("an outside collaborator with read access only", new World().admins(1).outside("read").keys(false),
                        Status.PASS, "no outside collaborator can push"),
                Arguments.of("the recorded read-write deploy key", new World().admins(1).outside(null).keys(true),
                        Status.WARN, "\"Deploykey - rsa4096 - readwrite\""),
                Arguments.of("four admins", new World().admins(4).outside(null).keys(false), Status.WARN, "4 accounts are admins"),
                Arguments.of("no token: nothing readable", new World().hidden("admins", PUSH_NEEDED).hidden("outside", PUSH_NEEDED)
                        .hidden("keys", ADMIN_NEEDED), Status.UNKNOWN, "could not be fully read"),
                Arguments.of("not an admin: keys hidden, the rest clean", new World().admins(1).outside(null).hidden("keys", ADMIN_NEEDED),
                        Status.UNKNOWN, "read keys"),
                Arguments.of("keys hidden, but an outside admin is found", new World().admins(1).outside("admin").hidden("keys", ADMIN_NEEDED),
                        Status.FAIL, "Not checked"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void verdictFollowsWhoAndWhatCanPush(String name, World world, Status expected, String mentioned) {
        Finding finding = HARNESS.runSingle(world.facts);

        assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
    }

    @Test
    void hiddenListsNameTheStrongestPermissionFirst() {
        Finding finding = HARNESS.runSingle(new World().hidden("admins", PUSH_NEEDED).hidden("outside", PUSH_NEEDED)
                .hidden("keys", ADMIN_NEEDED).facts);

        assertThat(finding.needed()).isEqualTo(ADMIN_NEEDED + "; " + PUSH_NEEDED);
    }

    @Test
    void aWriteKeyIsDescribedByTitleTypeAndUseNeverByItsKey() {
        Finding finding = HARNESS.runSingle(new World().admins(1).outside(null).keys(true).facts);

        assertThat(finding.evidence()).filteredOn(e -> e.label().equals("deploy key with write access")).singleElement()
                .satisfies(e -> assertThat(e.value()).isEqualTo("\"Deploykey - rsa4096 - readwrite\" (ssh-rsa, id 76924278), added by van-vliet"
                        + " on 2023-01-26, never used"));
        assertThat(finding.evidence()).extracting(Evidence::value).noneMatch(v -> v.contains("AAAA"));
    }
}
