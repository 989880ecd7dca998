package dev.hardening.auditor.checks.github.commitemail;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.checks.recorded.RecordedGitHub;
import dev.hardening.auditor.checks.recorded.Tokens;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubPublicEvents;
import dev.hardening.auditor.core.facts.github.GitHubRecentCommits;
import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CommitEmailExposureCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new CommitEmailExposureCheck());
    private static final GitHubPublicEvents NO_EVENTS = new GitHubPublicEvents("x", 0, 0, 0, List.of(), true);

    /** PierreBtz's public events as recorded: his own pushes, with upstream commits by others merged in. */
    private static GitHubPublicEvents pierreEvents() {
        return RecordedGitHub.events("PierreBtz", Fixtures.json("github/get_users_events_public.json"));
    }

    private static List<GitHubAuthoredCommit> stapler() {
        return RecordedGitHub.commits("stapler/stapler", Fixtures.json("github/get_repos_commits_stapler.json"));
    }

    private static List<GitHubAuthoredCommit> by(String login) {
        return stapler().stream().filter(c -> c.authorLogin().map(login::equals).orElse(false)).toList();
    }

    private static GitHubRecentCommits recent(String login, List<GitHubAuthoredCommit> commits) {
        return new GitHubRecentCommits(login, commits, List.of("stapler/stapler"), List.of());
    }

    private static GitHubUser profile(String login, String name) {
        return new GitHubUser(login, 1, name, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static FakeFacts publicData(String login, GitHubPublicEvents events, List<GitHubAuthoredCommit> commits, String name) {
        return FakeFacts.none()
                .with(GitHubFacts.publicEvents(login), events)
                .with(GitHubFacts.recentCommits(login), recent(login, commits))
                .with(GitHubFacts.user(login), profile(login, name));
    }

    /** login, facts, verdict, masked addresses that must be reported. */
    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("PierreBtz pushed commits under his gmail address (recorded events)", "PierreBtz",
                        publicData("PierreBtz", pierreEvents(), List.of(), "Pierre Beitz"), Status.FAIL, List.of("p***@gmail.com")),
                Arguments.of("jglick's default-branch commits carry his work address", "jglick",
                        publicData("jglick", NO_EVENTS, by("jglick"), "Jesse Glick"), Status.FAIL, List.of("j***@cloudbees.com")),
                Arguments.of("jeffret-b committed once with gmail, once on the web with noreply", "jeffret-b",
                        publicData("jeffret-b", NO_EVENTS, by("jeffret-b"), ""), Status.FAIL, List.of("j***@gmail.com")),
                Arguments.of("jeffret-b's web commit alone uses the noreply address", "jeffret-b",
                        publicData("jeffret-b", NO_EVENTS, by("jeffret-b").subList(0, 1), ""), Status.PASS, List.of()),
                Arguments.of("someone whose events only carry other people's commits", "someone-else",
                        publicData("someone-else", pierreEvents(), List.of(), "Someone Else"), Status.NOT_APPLICABLE, List.of()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void verdictFromPublicCommits(String name, String login, FakeFacts facts, Status status, List<String> masked) {
        Finding finding = HARNESS.targets(targets().githubUser(login).build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(status);
        assertThat(finding.subject()).isEqualTo("github:" + login);
        assertThat(finding.evidence()).filteredOn(e -> e.label().startsWith("personal address"))
                .extracting(e -> e.label().substring("personal address ".length())).containsOnlyElementsOf(masked);
        masked.forEach(m -> assertThat(finding.message()).contains(m));
    }

    @Test
    void pierresOwnCommitsAreFoundByHisNameAndOthersAreNotReported() {
        Finding finding = HARNESS.targets(targets().githubUser("PierreBtz").build())
                .runSingle(publicData("PierreBtz", pierreEvents(), List.of(), "Pierre Beitz"));

        assertThat(finding.evidence()).contains(new Evidence("personal address p***@gmail.com",
                "2 commits: PierreBtz/github-api@ac741a8, PierreBtz/github-api@b29b53b",
                "GET /users/PierreBtz/events/public (PushEvent)"));
        // Upstream commits by others went out in the same push: their addresses are not his exposure.
        assertThat(finding.toString()).doesNotContain("b***@gmail.com", "m***@googlemail.com", "cloudbees");
    }

    @Test
    void noAddressIsEverShownUnmasked() {
        for (Arguments a : verdicts().toList()) {
            String login = (String) a.get()[1];
            Finding finding = HARNESS.targets(targets().githubUser(login).build()).runSingle((FakeFacts) a.get()[2]);
            assertThat(finding.toString()).doesNotContain("pibeitz@", "jglick@cloudbees.com", "jeffret.g@gmail.com",
                    "bitwiseman@gmail.com", "benoit.lacelle@gmail.com");
        }
    }

    @Test
    void anAddressKnownFromUserEmailsAttributesPushedCommitsWithoutAMatchingName() {
        // bitwiseman's address is in GET /user/emails; the recorded push carries his merge commits.
        FakeFacts facts = publicData("bitwiseman", pierreEvents(), List.of(), "")
                .with(GitHubFacts.VIEWER, RecordedGitHub.viewer(Fixtures.json("github/get_user_authenticated.json"),
                        Tokens.classic(Optional.empty(), "user")))
                .with(GitHubFacts.EMAILS, RecordedGitHub.emails("bitwiseman", Fixtures.json("github/get_user_emails.json")));

        Finding finding = HARNESS.targets(targets().githubUser("bitwiseman").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.label()).isEqualTo("personal address b***@gmail.com");
            assertThat(e.value()).startsWith("5 commits: PierreBtz/github-api@dc304e1, ");
        });
    }

    @Test
    void primaryAddressNotPrivateWarnsWhenNoCommitExposesIt() {
        FakeFacts facts = publicData("bitwiseman", NO_EVENTS, List.of(), "Liam Newman")
                .with(GitHubFacts.VIEWER, RecordedGitHub.viewer(Fixtures.json("github/get_user_authenticated.json"),
                        Tokens.classic(Optional.empty(), "user")))
                .with(GitHubFacts.EMAILS, RecordedGitHub.emails("bitwiseman", Fixtures.json("github/get_user_emails.json")));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.subject()).as("no login named: the token's owner").isEqualTo("github:bitwiseman");
        assertThat(finding.evidence()).contains(new Evidence("primary address b***@gmail.com visibility", "public", "GET /user/emails"));
    }

    @Test
    void primaryAddressPrivateAndNoExposurePasses() {
        FakeFacts facts = publicData("jacquev6", NO_EVENTS, List.of(), "Vincent Jacques")
                .with(GitHubFacts.VIEWER, RecordedGitHub.viewer(Fixtures.json("github/get_user_authenticated_2012_pygithub.json"),
                        Tokens.classic(Optional.empty(), "user")))
                .with(GitHubFacts.EMAILS, RecordedGitHub.emails("jacquev6", Fixtures.json("github/get_user_emails_pygithub.json")));

        Finding finding = HARNESS.targets(targets().githubUser("jacquev6").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.message()).contains("kept private");
    }

    @Test
    void withoutATokenThePassSaysWhatATokenWouldAdd() {
        Finding finding = HARNESS.targets(targets().githubUser("jeffret-b").build())
                .runSingle(publicData("jeffret-b", NO_EVENTS, by("jeffret-b").subList(0, 1), ""));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.message()).contains("user:email").contains("Email addresses: read");
    }

    @Test
    void eventsThatCouldNotBeReadGiveUnknownNotPass() {
        FakeFacts facts = FakeFacts.none()
                .unavailable(GitHubFacts.publicEvents("jeffret-b"), Unavailability.of(Cause.RATE_LIMITED,
                        "GitHub rate limit reached while fetching GET /users/jeffret-b/events/public", "a GITHUB_TOKEN"))
                .with(GitHubFacts.recentCommits("jeffret-b"), recent("jeffret-b", by("jeffret-b").subList(0, 1)));

        Finding finding = HARNESS.targets(targets().githubUser("jeffret-b").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("rate limit");
        assertThat(finding.needed()).isEqualTo("a GITHUB_TOKEN");
    }

    @Test
    void aRepositoryThatCouldNotBeReadGivesUnknownNotPass() {
        Unavailability gap = Unavailability.of(Cause.FORBIDDEN, "GitHub denied access to GET /repos/u/r/commits (HTTP 403)",
                "a credential allowed to read GET /repos/u/r/commits");
        FakeFacts facts = FakeFacts.none()
                .with(GitHubFacts.publicEvents("u"), NO_EVENTS)
                .with(GitHubFacts.recentCommits("u"), new GitHubRecentCommits("u", List.of(), List.of(), List.of(gap)));

        Finding finding = HARNESS.targets(targets().githubUser("u").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).isEqualTo(gap.needed());
    }

    @Test
    void exposureIsReportedEvenWhenAnotherSourceFailed() {
        FakeFacts facts = FakeFacts.none()
                .with(GitHubFacts.publicEvents("PierreBtz"), pierreEvents())
                .with(GitHubFacts.user("PierreBtz"), profile("PierreBtz", "Pierre Beitz"))
                .unavailable(GitHubFacts.recentCommits("PierreBtz"), Cause.SERVER_ERROR);

        assertThat(HARNESS.targets(targets().githubUser("PierreBtz").build()).runSingle(facts).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void noLoginAndNoTokenMeansNothingToAudit() {
        Finding finding = HARNESS.runSingle(FakeFacts.none().unavailable(GitHubFacts.VIEWER, Cause.NO_CREDENTIAL));

        assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void enterpriseNoreplyAddressesAreNotPersonal() {
        assertThat(NoreplyAddresses.isNoreply("12+octo@users.noreply.github.com")).isTrue();
        assertThat(NoreplyAddresses.isNoreply("octo@users.noreply.ghe.example.com")).isTrue();
        assertThat(NoreplyAddresses.isNoreply("noreply@github.com")).isTrue();
        assertThat(NoreplyAddresses.isNoreply("octo@github.com")).isFalse();
        assertThat(NoreplyAddresses.isNoreply("noreply@example.com")).isFalse();
    }
}
