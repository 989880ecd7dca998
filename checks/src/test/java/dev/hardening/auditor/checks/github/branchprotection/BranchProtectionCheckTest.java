package dev.hardening.auditor.checks.github.branchprotection;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedGitHubRepos;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.ClassicBranchProtection;
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

class BranchProtectionCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new BranchProtectionCheck());
    static final RepoRef REPO = new RepoRef("hub4j-test-org", "GHDeployKeyTest");
    static final long RULESET = 15850785L;
    static final String ADMIN_NEEDED = "a token with Administration: read (fine-grained) or repo (classic) on "
            + "hub4j-test-org/GHDeployKeyTest, from an account with admin rights on it";

    /** The world of one publishing repository, built from recorded responses. */
    static final class World {
        final FakeFacts facts = FakeFacts.none();

        World() {
            facts.with(GitHubRepoFacts.PUBLISHING_REPOSITORIES, new PublishingRepositories(List.of(new PublishingRepository(REPO,
                    List.of(new RepositoryLink("npm:ghdeploykeytest", "repository", "git+https://github.com/hub4j-test-org/GHDeployKeyTest.git")))),
                    List.of(), List.of()));
            facts.with(GitHubRepoFacts.repository(REPO),
                    RecordedGitHubRepos.repository(REPO, Fixtures.json("github/get_repos_hub4j_ghdeploykeytest.json")));
        }

        World classic(String fixture, String field, boolean enabled) {
            ObjectNode p = Fixtures.object(fixture);
            if (field != null) {
                p.putObject(field).put("enabled", enabled);
            }
            facts.with(GitHubRepoFacts.classicProtection(REPO, "main"), RecordedGitHubRepos.protection(REPO, "main", p));
            return this;
        }

        World notProtected() {
            facts.with(GitHubRepoFacts.classicProtection(REPO, "main"), ClassicBranchProtection.notProtected(REPO, "main"));
            return this;
        }

        World classicHidden(Cause cause) {
            facts.unavailable(GitHubRepoFacts.classicProtection(REPO, "main"),
                    Unavailability.of(cause, "GitHub did not show the branch protection of " + REPO + " (HTTP 404)", ADMIN_NEEDED));
            return this;
        }

        World noRules() {
            facts.with(GitHubRepoFacts.branchRules(REPO, "main"), RecordedGitHubRepos.rules(REPO, "main", ((ArrayNode) Fixtures.json("github/get_rules_branches_nantokaworks_robco.json")).removeAll()));
            return this;
        }

        /** The recorded organisation ruleset; {@code complete} adds one approval and a signature rule. */
        World rules(boolean complete) {
            ArrayNode rules = (ArrayNode) Fixtures.json("github/get_rules_branches_nantokaworks_robco.json");
            if (complete) {
                ((ObjectNode) rules.get(2).get("parameters")).put("required_approving_review_count", 1);
                rules.addObject().put("type", "required_signatures").put("ruleset_source_type", "Organization")
                        .put("ruleset_source", "nantokaworks").put("ruleset_id", RULESET);
            }
            facts.with(GitHubRepoFacts.branchRules(REPO, "main"), RecordedGitHubRepos.rules(REPO, "main", rules));
            return this;
        }

        World rulesHidden() {
            facts.unavailable(GitHubRepoFacts.branchRules(REPO, "main"), Cause.SERVER_ERROR);
            return this;
        }

        /** The recorded ruleset answer, re-numbered to the rules' ruleset; bypass actors as given, or hidden. */
        World bypass(JsonNode actors) {
            ObjectNode r = Fixtures.object("github/get_repos_ruleset_single.json").put("id", RULESET).put("enforcement", "active");
            if (actors == null) {
                r.remove("bypass_actors");
            } else {
                r.set("bypass_actors", actors);
            }
            facts.with(GitHubRepoFacts.ruleset(REPO, RULESET), RecordedGitHubRepos.ruleset(REPO, r));
            return this;
        }

        World branch(String fixture) {
            facts.with(GitHubRepoFacts.branch(REPO, "main"), RecordedGitHubRepos.branch(REPO, Fixtures.json(fixture)));
            return this;
        }
    }

    static JsonNode adminBypass() {
        ArrayNode a = Fixtures.object("github/get_repos_ruleset_single.json").arrayNode();
        a.addObject().put("actor_id", 5).put("actor_type", "RepositoryRole").put("bypass_mode", "always");
        return a;
    }

    static JsonNode nobody() {
        return Fixtures.object("github/get_repos_ruleset_single.json").get("bypass_actors");
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("classic: reviews, admins, no force push or deletion, signatures",
                        new World().classic("github/get_branch_protection_pygithub.json", "required_signatures", true).noRules(),
                        Status.PASS, "nobody can bypass it"),
                Arguments.of("rulesets alone: all five, empty bypass list",
                        new World().notProtected().rules(true).bypass(nobody()), Status.PASS, "admins included"),
                Arguments.of("rulesets prove all five although classic protection is hidden",
                        new World().classicHidden(Cause.FORBIDDEN).rules(true).bypass(nobody()).branch("github/get_branch_protected_hub4j.json"),
                        Status.PASS, "signed commits"),
                Arguments.of("recorded classic protection without required signatures",
                        new World().classic("github/get_branch_protection_pygithub.json", null, false).noRules(),
                        Status.WARN, "signed commits are not required"),
                Arguments.of("recorded organisation ruleset: no approval, no signatures",
                        new World().notProtected().rules(false).bypass(nobody()), Status.WARN, "no approving review is required; signed commits are not required"),
                Arguments.of("ruleset that admins may always bypass",
                        new World().notProtected().rules(true).bypass(adminBypass()), Status.WARN, "admins can bypass the protection"),
                Arguments.of("classic protection that does not include administrators",
                        new World().classic("github/get_branch_protection_pygithub.json", "required_signatures", true)
                                .classic("github/get_branch_protection_pygithub.json", "enforce_admins", false).noRules(),
                        Status.WARN, "admins, or anyone holding an admin's token"),
                Arguments.of("GitHub: Branch not protected, and no ruleset",
                        new World().notProtected().noRules(), Status.FAIL, "is not protected"),
                Arguments.of("no token: the public branch flag says unprotected",
                        new World().classicHidden(Cause.NO_CREDENTIAL).noRules().branch("github/get_branch_unprotected_pygithub.json"),
                        Status.FAIL, "is not protected"),
                Arguments.of("recorded protection that allows force pushes and deletion",
                        new World().classic("github/put_branch_protection_response_hub4j.json", null, false).noRules(),
                        Status.FAIL, "allows force pushes and deletion"),
                Arguments.of("classic protection hidden (404), no ruleset, branch protected",
                        new World().classicHidden(Cause.FORBIDDEN).noRules().branch("github/get_branch_protected_hub4j.json"),
                        Status.UNKNOWN, "did not show whether force pushes and deletion"),
                Arguments.of("everything hidden",
                        new World().classicHidden(Cause.FORBIDDEN).rulesHidden(), Status.UNKNOWN, "did not show"),
                Arguments.of("ruleset complete but its bypass list hidden",
                        new World().notProtected().rules(true).bypass(null), Status.UNKNOWN, "Could not be read: no bypass (admins included)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void verdictFollowsTheCombinedProtection(String name, World world, Status expected, String mentioned) {
        Finding finding = HARNESS.runSingle(world.facts);

        assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
        assertThat(finding.subject()).isEqualTo("repo:hub4j-test-org/GHDeployKeyTest");
    }

    @Test
    void hiddenProtectionNamesThePermissionThatWouldShowIt() {
        Finding finding = HARNESS.runSingle(new World().classicHidden(Cause.FORBIDDEN).noRules()
                .branch("github/get_branch_protected_hub4j.json").facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).isEqualTo(ADMIN_NEEDED);
        assertThat(finding.evidence()).extracting(Evidence::label).contains("branch protected (public flag)", "classic branch protection");
    }

    @Test
    void evidenceShowsEachSourceAndEachSetting() {
        Finding finding = HARNESS.runSingle(new World().notProtected().rules(true).bypass(adminBypass()).facts);

        assertThat(finding.evidence()).extracting(Evidence::label).contains("default branch", "linked from npm:ghdeploykeytest",
                "classic branch protection", "ruleset rules", "bypass list of ruleset 15850785 \"Protect main\"", "force pushes blocked",
                "no bypass (admins included)");
        assertThat(finding.evidence()).filteredOn(e -> e.label().startsWith("bypass list"))
                .singleElement().satisfies(e -> assertThat(e.value()).isEqualTo("RepositoryRole 5 (admin), always"));
    }

    @Test
    void readableClassicProtectionCostsNoBranchRequest() {
        World world = new World().classic("github/get_branch_protection_pygithub.json", null, false).noRules();

        HARNESS.run(world.facts);

        assertThat(world.facts.lookupsOfKind("github.branch")).isZero();
        assertThat(world.facts.lookupsOfKind("github.ruleset")).as("no ruleset applies").isZero();
    }

    @Test
    void anUnreadableRepositoryIsUnknownWithItsReason() {
        World world = new World();
        world.facts.unavailable(GitHubRepoFacts.repository(REPO), Unavailability.of(Cause.NOT_FOUND,
                "GitHub has no repository hub4j-test-org/GHDeployKeyTest (or it is private)", "a GITHUB_TOKEN that can read it"));

        Finding finding = HARNESS.runSingle(world.facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).isEqualTo("a GITHUB_TOKEN that can read it");
    }

    @Test
    void anArchivedRepositoryIsNotApplicable() {
        World world = new World();
        world.facts.with(GitHubRepoFacts.repository(REPO), RecordedGitHubRepos.repository(REPO,
                Fixtures.object("github/get_repos_hub4j_ghdeploykeytest.json").put("archived", true)));

        assertThat(HARNESS.runSingle(world.facts).status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void noLinkedRepositoryIsNotApplicableAndAnUnreadableSourceIsUnknown() {
        FakeFacts none = FakeFacts.none().with(GitHubRepoFacts.PUBLISHING_REPOSITORIES,
                new PublishingRepositories(List.of(), List.of(), List.of()));
        FakeFacts gap = FakeFacts.none().with(GitHubRepoFacts.PUBLISHING_REPOSITORIES, new PublishingRepositories(List.of(), List.of(),
                List.of(Unavailability.of(Cause.SERVER_ERROR, "npm failed with HTTP 500 for GET /left-pad", "retry later"))));

        assertThat(HARNESS.runSingle(none).status()).isEqualTo(Status.NOT_APPLICABLE);
        Finding unknown = HARNESS.runSingle(gap);
        assertThat(unknown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(unknown.message()).contains("GET /left-pad");
    }
}
