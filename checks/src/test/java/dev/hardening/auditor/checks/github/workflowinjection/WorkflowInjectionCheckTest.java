package dev.hardening.auditor.checks.github.workflowinjection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.checks.recorded.RecordedGitHubRepos;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.RepositoryLink;
import dev.hardening.auditor.core.facts.github.repo.UnreadableFile;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFile;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFiles;
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

class WorkflowInjectionCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new WorkflowInjectionCheck());
    private static final RepoRef REPO = new RepoRef("hub4j-test-org", "GHDeployKeyTest");

    static FakeFacts world(List<String> workflows, List<UnreadableFile> unreadable) {
        List<WorkflowFile> files = new ArrayList<>();
        for (String name : workflows) {
            files.add(new WorkflowFile(".github/workflows/" + name, "0000000000000000000000000000000000000000",
                    Fixtures.text("workflows/" + name)));
        }
        return FakeFacts.none()
                .with(GitHubRepoFacts.PUBLISHING_REPOSITORIES, new PublishingRepositories(List.of(new PublishingRepository(REPO,
                        List.of(new RepositoryLink("pypi:ghdeploykeytest", "project_urls.Source", "https://github.com/hub4j-test-org/GHDeployKeyTest")))),
                        List.of(), List.of()))
                .with(GitHubRepoFacts.repository(REPO),
                        RecordedGitHubRepos.repository(REPO, Fixtures.json("github/get_repos_hub4j_ghdeploykeytest.json")))
                .with(GitHubRepoFacts.workflows(REPO, "main"), new WorkflowFiles(REPO, "main", files, unreadable, 0));
    }

    static Stream<Arguments> verdicts() {
        UnreadableFile unreadable = new UnreadableFile(".github/workflows/big.yml",
                Unavailability.of(Cause.TOO_LARGE, ".github/workflows/big.yml is larger than 512 KB and was not read", "review it by hand"));
        return Stream.of(
                Arguments.of("elementary-data: comment body in an issue_comment script", world(List.of("elementary-update-issue.yml"), List.of()),
                        Status.FAIL, "github.event.comment.body"),
                Arguments.of("Nx: pull request title in a pull_request_target heredoc", world(List.of("nx-pr-title.yml", "nx-publish.yml"), List.of()),
                        Status.FAIL, "github.event.pull_request.title"),
                Arguments.of("ultralytics: pull request branch checked out with privileges", world(List.of("ultralytics-format.yml"), List.of()),
                        Status.FAIL, "ultralytics-format.yml"),
                Arguments.of("ultralytics: cache and unpinned publisher in the release job", world(List.of("ultralytics-publish.yml"), List.of()),
                        Status.WARN, "cache restored in a release job"),
                Arguments.of("elementary-data release: no permissions block", world(List.of("elementary-release.yml"), List.of()),
                        Status.WARN, "no permissions: block"),
                Arguments.of("hardened workflows", world(List.of("good-npm-trusted-publishing.yml", "good-pypi-trusted-publishing.yml"), List.of()),
                        Status.PASS, "None of the 2 workflows"),
                Arguments.of("hardened workflows but one file unreadable", world(List.of("good-npm-trusted-publishing.yml"), List.of(unreadable)),
                        Status.UNKNOWN, "big.yml"),
                Arguments.of("an injection is reported even when another file is unreadable",
                        world(List.of("elementary-update-issue.yml"), List.of(unreadable)), Status.FAIL, "could not be analysed"),
                Arguments.of("no workflows at all", world(List.of(), List.of()), Status.NOT_APPLICABLE, "has no workflows"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void verdictFollowsTheWorstProblemFound(String name, FakeFacts facts, Status expected, String mentioned) {
        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).as(finding.message()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
        assertThat(finding.subject()).isEqualTo("repo:hub4j-test-org/GHDeployKeyTest");
    }

    @Test
    void evidenceNamesFileLineAndExpressionButNeverQuotesTheScript() {
        Finding finding = HARNESS.runSingle(world(List.of("elementary-update-issue.yml"), List.of()));

        assertThat(finding.evidence()).extracting(Evidence::label)
                .contains("untrusted input in a script at .github/workflows/elementary-update-issue.yml:9",
                        "no permissions: block at .github/workflows/elementary-update-issue.yml:1");
        assertThat(finding.evidence()).filteredOn(e -> e.label().startsWith("untrusted")).singleElement().satisfies(e -> {
            assertThat(e.value()).isEqualTo("${{ github.event.comment.body }} (job update_issue, step 1 \"Forward the comment\")");
            assertThat(e.source()).isEqualTo("GET /repos/hub4j-test-org/GHDeployKeyTest/contents/.github/workflows/elementary-update-issue.yml?ref=main");
        });
        assertThat(finding.evidence()).extracting(Evidence::value).noneMatch(v -> v.contains("curl"));
    }

    @Test
    void aWorkflowThatIsNotValidYamlIsUnknownNotPass() {
        FakeFacts facts = world(List.of(), List.of());
        facts.with(GitHubRepoFacts.workflows(REPO, "main"), new WorkflowFiles(REPO, "main",
                List.of(new WorkflowFile(".github/workflows/broken.yml", "", "on: [push\njobs: {")), List.of(), 0));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("broken.yml could not be analysed: it is not valid YAML");
    }

    @Test
    void workflowsThatCannotBeListedAreUnknownWithTheReason() {
        FakeFacts facts = world(List.of(), List.of());
        facts.unavailable(GitHubRepoFacts.workflows(REPO, "main"), Unavailability.of(Cause.RATE_LIMITED,
                "GitHub rate limit reached while fetching GET /repos/hub4j-test-org/GHDeployKeyTest/contents/.github/workflows",
                "a GITHUB_TOKEN (5,000 requests an hour instead of 60), or wait"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).startsWith("a GITHUB_TOKEN");
    }

    @Test
    void aMissingWorkflowDirectoryOfAPrivateRepositoryMayBeHiddenContents() {
        FakeFacts hidden = world(List.of(), List.of());
        hidden.with(GitHubRepoFacts.repository(REPO), RecordedGitHubRepos.repository(REPO,
                Fixtures.object("github/get_repos_hub4j_ghdeploykeytest.json").put("visibility", "private").put("private", true)));
        hidden.with(GitHubRepoFacts.workflows(REPO, "main"), WorkflowFiles.noDirectory(REPO, "main"));
        FakeFacts none = world(List.of(), List.of()).with(GitHubRepoFacts.workflows(REPO, "main"), WorkflowFiles.noDirectory(REPO, "main"));

        Finding privateRepo = HARNESS.runSingle(hidden);

        assertThat(privateRepo.status()).isEqualTo(Status.UNKNOWN);
        assertThat(privateRepo.needed()).isEqualTo("a token with Contents: read on hub4j-test-org/GHDeployKeyTest");
        assertThat(HARNESS.runSingle(none).status()).as("public: a 404 means no workflows").isEqualTo(Status.NOT_APPLICABLE);
    }
}
