package dev.hardening.auditor.checks.github.signedcommits;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedGitHub;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubRecentCommits;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SignedCommitsCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new SignedCommitsCheck());

    private static List<GitHubAuthoredCommit> stapler() {
        return RecordedGitHub.commits("stapler/stapler", Fixtures.json("github/get_repos_commits_stapler.json"));
    }

    /** hub4j's single-commit recordings of one commit by kohsuke, each with another verification reason. */
    private static GitHubAuthoredCommit hub4j(String fixture, String sha) {
        ObjectNode c = Fixtures.object("github/" + fixture);
        c.put("sha", sha);
        return RecordedGitHub.commit("hub4j/github-api", c);
    }

    private static FakeFacts recent(String login, List<GitHubAuthoredCommit> commits) {
        return FakeFacts.none().with(GitHubFacts.recentCommits(login),
                new GitHubRecentCommits(login, commits, List.of("stapler/stapler", "hub4j/github-api"), List.of()));
    }

    /** n verified commits of kohsuke plus the given others. */
    private static List<GitHubAuthoredCommit> kohsuke(int verified, String... others) {
        List<GitHubAuthoredCommit> out = new ArrayList<>();
        for (int i = 0; i < verified; i++) {
            out.add(hub4j("get_commit_verification_valid_verified_at.json", "a" + i + "0000000000"));
        }
        for (int i = 0; i < others.length; i++) {
            out.add(hub4j(others[i], "b" + i + "0000000000"));
        }
        return out;
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("jglick: 6 of 6 PGP-signed (recorded)", "jglick", stapler(), Status.PASS),
                Arguments.of("timgates42: a verified 2024 commit (recorded)", "timgates42",
                        List.of(RecordedGitHub.commit("PyGithub/PyGithub", Fixtures.json("github/get_commit_pygithub_signed_2024.json"))),
                        Status.PASS),
                Arguments.of("jeffret-b: a web commit and an unsigned one (recorded)", "jeffret-b", stapler(), Status.WARN),
                Arguments.of("9 of 9 verified", "kohsuke", kohsuke(9), Status.PASS),
                Arguments.of("9 verified and 1 unknown_key: a broken signature", "kohsuke",
                        kohsuke(9, "get_commit_verification_unknown_key.json"), Status.WARN),
                Arguments.of("7 verified and 3 failing: 70%", "kohsuke", kohsuke(7, "get_commit_verification_expired_key.json",
                        "get_commit_verification_unknown_key.json", "get_commit_verification_ocsp_revoked_smime.json"), Status.WARN),
                Arguments.of("1 verified, expired_key, unknown_key, ocsp_revoked (recorded reasons)", "kohsuke",
                        kohsuke(1, "get_commit_verification_expired_key.json", "get_commit_verification_unknown_key.json",
                                "get_commit_verification_ocsp_revoked_smime.json"), Status.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void verdictFromTheShareOfVerifiedCommits(String name, String login, List<GitHubAuthoredCommit> commits, Status status) {
        Finding finding = HARNESS.targets(targets().githubUser(login).build()).runSingle(recent(login, commits));

        assertThat(finding.status()).isEqualTo(status);
        assertThat(finding.subject()).isEqualTo("github:" + login);
    }

    @Test
    void ninetyPercentWithOnlyUnsignedCommitsPasses() {
        List<GitHubAuthoredCommit> commits = kohsuke(9);
        ObjectNode unsigned = Fixtures.object("github/get_commit_verification_valid_verified_at.json");
        ((ObjectNode) unsigned.path("commit").path("verification")).put("verified", false).put("reason", "unsigned");
        commits.add(RecordedGitHub.commit("hub4j/github-api", unsigned));

        Finding finding = HARNESS.targets(targets().githubUser("kohsuke").build()).runSingle(recent("kohsuke", commits));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.evidence()).contains(Evidence.of("verified commits", "9 of 10 (90%)",
                "GET /repos/{owner}/{repo}/commits?author=kohsuke"));
        assertThat(finding.message()).contains("1 unsigned");
    }

    @Test
    void theReasonsOfTheOthersAreBrokenDown() {
        Finding finding = HARNESS.targets(targets().githubUser("kohsuke").build()).runSingle(recent("kohsuke",
                kohsuke(1, "get_commit_verification_expired_key.json", "get_commit_verification_unknown_key.json",
                        "get_commit_verification_expired_key.json")));

        assertThat(finding.evidence()).extracting(Evidence::label).containsSubsequence(
                "verified commits", "not verified: expired_key", "not verified: unknown_key", "repositories read");
        assertThat(finding.evidence()).contains(Evidence.of("not verified: expired_key",
                "2: hub4j/github-api@b000000, hub4j/github-api@b200000", "GET /repos/{owner}/{repo}/commits?author=kohsuke"));
        assertThat(finding.message()).contains("Only 1 of 4 (25%)").contains("2 expired_key, 1 unknown_key");
    }

    @Test
    void commitsOfOtherPeopleAreNotCounted() {
        Finding finding = HARNESS.targets(targets().githubUser("jeffret-b").build()).runSingle(recent("jeffret-b", stapler()));

        assertThat(finding.evidence()).contains(Evidence.of("verified commits", "1 of 2 (50%)",
                "GET /repos/{owner}/{repo}/commits?author=jeffret-b"));
        assertThat(finding.evidence()).contains(Evidence.of("not verified: unsigned", "1: stapler/stapler@2a971c4",
                "GET /repos/{owner}/{repo}/commits?author=jeffret-b"));
    }

    @Test
    void aRepositoryThatCouldNotBeReadTurnsAPassIntoUnknown() {
        Unavailability gap = Unavailability.of(Cause.SERVER_ERROR, "GitHub failed with HTTP 502 for GET /repos/jglick/x/commits",
                "retry later; the service may be having an outage");
        FakeFacts facts = FakeFacts.none().with(GitHubFacts.recentCommits("jglick"),
                new GitHubRecentCommits("jglick", stapler(), List.of("stapler/stapler"), List.of(gap)));

        Finding finding = HARNESS.targets(targets().githubUser("jglick").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).isEqualTo(gap.needed());
    }

    @Test
    void aRepositoryThatCouldNotBeReadDoesNotHideAFail() {
        Unavailability gap = Unavailability.of(Cause.SERVER_ERROR, "HTTP 502", "retry later");
        FakeFacts facts = FakeFacts.none().with(GitHubFacts.recentCommits("kohsuke"), new GitHubRecentCommits("kohsuke",
                kohsuke(0, "get_commit_verification_unknown_key.json"), List.of(), List.of(gap)));

        assertThat(HARNESS.targets(targets().githubUser("kohsuke").build()).runSingle(facts).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void commitsThatCouldNotBeReadAreUnknown() {
        FakeFacts facts = FakeFacts.none().unavailable(GitHubFacts.recentCommits("u"),
                Unavailability.of(Cause.NOT_FOUND, "GitHub has no GET /users/u/repos (HTTP 404)", "check the name"));

        Finding finding = HARNESS.targets(targets().githubUser("u").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).isEqualTo("check the name");
    }

    @Test
    void noRecentCommitIsNotApplicable() {
        Finding finding = HARNESS.targets(targets().githubUser("u").build()).runSingle(recent("u", List.of()));

        assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
    }
}
