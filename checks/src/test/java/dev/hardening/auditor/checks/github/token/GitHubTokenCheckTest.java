package dev.hardening.auditor.checks.github.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.checks.recorded.RecordedGitHub;
import dev.hardening.auditor.checks.recorded.Tokens;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
import dev.hardening.auditor.core.facts.github.GitHubTokenKind;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import dev.hardening.auditor.core.testing.Policies;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class GitHubTokenCheckTest {
    private static final Instant NOW = CheckHarness.DEFAULT_NOW;
    private static final CheckHarness HARNESS = CheckHarness.of(new GitHubTokenCheck());
    private static final Optional<Instant> IN_30_DAYS = Optional.of(NOW.plus(Duration.ofDays(30)));
    private static final Optional<Instant> IN_200_DAYS = Optional.of(NOW.plus(Duration.ofDays(200)));
    private static final Optional<Instant> NEVER = Optional.empty();

    static Stream<Arguments> positive() {
        return Stream.of(
                Arguments.of("fine-grained, expires in 30 days", Tokens.fineGrained(IN_30_DAYS)),
                Arguments.of("classic with the audit's scopes, expires in 30 days", Tokens.classic(IN_30_DAYS, "user", "read:org")),
                Arguments.of("classic with read-only scopes only", Tokens.classic(IN_30_DAYS, "read:user", "user:email", "read:gpg_key")),
                Arguments.of("classic with no scope at all", Tokens.classic(IN_30_DAYS)),
                Arguments.of("GitHub App user token that expires", Tokens.of(GitHubTokenKind.USER_TO_SERVER, Optional.empty(), IN_30_DAYS)),
                Arguments.of("GitHub App installation token", Tokens.of(GitHubTokenKind.INSTALLATION, Optional.empty(), NEVER)));
    }

    static Stream<Arguments> negative() {
        return Stream.of(
                Arguments.of("workflow scope", Tokens.classic(IN_30_DAYS, "user", "workflow"), Status.FAIL, "workflow"),
                Arguments.of("delete_repo scope", Tokens.classic(IN_30_DAYS, "delete_repo"), Status.FAIL, "delete_repo"),
                Arguments.of("admin:org scope", Tokens.classic(IN_30_DAYS, "admin:org"), Status.FAIL, "admin:org"),
                Arguments.of("write:packages scope", Tokens.classic(IN_30_DAYS, "write:packages"), Status.FAIL, "write:packages"),
                Arguments.of("admin:public_key scope", Tokens.classic(IN_30_DAYS, "admin:public_key"), Status.FAIL, "admin:public_key"),
                Arguments.of("full repo scope", Tokens.classic(IN_30_DAYS, "repo", "read:org"), Status.WARN, "repo"),
                Arguments.of("public_repo scope", Tokens.classic(IN_30_DAYS, "public_repo"), Status.WARN, "public_repo"),
                Arguments.of("classic read-only token that never expires", Tokens.classic(NEVER, "user", "read:org"), Status.WARN, "never expires"),
                Arguments.of("classic write token that never expires", Tokens.classic(NEVER, "repo"), Status.FAIL, "never expires and can write"),
                Arguments.of("gh CLI OAuth token (repo, workflow, no expiry)",
                        Tokens.of(GitHubTokenKind.OAUTH_APP, Optional.of(Set.of("gist", "read:org", "repo", "workflow")), NEVER), Status.FAIL, "workflow"),
                Arguments.of("classic expiring in 200 days", Tokens.classic(IN_200_DAYS, "read:org"), Status.WARN, "200 days"),
                Arguments.of("fine-grained expiring in 200 days", Tokens.fineGrained(IN_200_DAYS), Status.WARN, "more than 90"),
                Arguments.of("fine-grained without expiry", Tokens.fineGrained(NEVER), Status.WARN, "never expires"),
                Arguments.of("GitHub App user token without expiry", Tokens.of(GitHubTokenKind.USER_TO_SERVER, Optional.empty(), NEVER),
                        Status.WARN, "opted out"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void leastPrivilegeShortLivedTokenPasses(String name, GitHubTokenInfo token) {
        Finding finding = HARNESS.runSingle(viewerWith(token));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.subject()).isEqualTo("github:bitwiseman");
        assertThat(finding.evidence()).contains(new Evidence("fingerprint", Tokens.FINGERPRINT, GitHubTokenCheck.TOKEN_SOURCE));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negative")
    void broadOrLongLivedTokenIsFlagged(String name, GitHubTokenInfo token, Status expected, String mentioned) {
        Finding finding = HARNESS.runSingle(viewerWith(token));

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
    }

    static Stream<Arguments> againstTheMaxAge() {
        Optional<Instant> in60Days = Optional.of(NOW.plus(Duration.ofDays(60)));
        return Stream.of(
                // token, policy, status without the policy, status with it
                Arguments.of("fine-grained, expires in 30 days, policy 90d", Tokens.fineGrained(IN_30_DAYS), "90d", Status.PASS, Status.PASS),
                Arguments.of("fine-grained, expires in 60 days, policy 30d", Tokens.fineGrained(in60Days), "30d", Status.PASS, Status.FAIL),
                Arguments.of("fine-grained, expires in 200 days, policy 90d", Tokens.fineGrained(IN_200_DAYS), "90d", Status.WARN, Status.FAIL),
                Arguments.of("fine-grained without expiry, policy 365d", Tokens.fineGrained(NEVER), "365d", Status.WARN, Status.FAIL),
                Arguments.of("classic read-only without expiry, policy 90d", Tokens.classic(NEVER, "user", "read:org"), "90d",
                        Status.WARN, Status.FAIL),
                Arguments.of("classic expiring in 200 days, policy 365d: the built-in advice stays",
                        Tokens.classic(IN_200_DAYS, "read:org"), "365d", Status.WARN, Status.WARN),
                Arguments.of("GitHub App installation token (one hour), policy 12h",
                        Tokens.of(GitHubTokenKind.INSTALLATION, Optional.empty(), NEVER), "12h", Status.PASS, Status.PASS));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("againstTheMaxAge")
    void aTokenLivingLongerThanThePolicyAllowsFailsNamingTheRule(String name, GitHubTokenInfo token, String maxAge,
                                                                  Status without, Status with) {
        Finding lenient = HARNESS.runSingle(viewerWith(token));
        Finding strict = HARNESS.policy(Policies.of("tokens:\n  max-age: " + maxAge + "\n")).runSingle(viewerWith(token));

        assertThat(lenient.status()).as(lenient.message()).isEqualTo(without);
        assertThat(lenient.message()).doesNotContain("policy");
        assertThat(strict.status()).as(strict.message()).isEqualTo(with);
        assertThat(strict.evidence()).anySatisfy(e -> {
            assertThat(e.label()).isEqualTo("longest lifetime allowed");
            assertThat(e.source()).isEqualTo("policy team.yaml (tokens.max-age)");
        });
        if (with == Status.FAIL) {
            assertThat(strict.message()).contains("the team policy allows", "(policy team.yaml (tokens.max-age))");
        }
    }

    @Test
    void evidenceNamesKindScopesAndEffectOfEachRiskyScope() {
        Finding finding = HARNESS.runSingle(viewerWith(Tokens.classic(IN_30_DAYS, "workflow", "read:org", "repo")));

        assertThat(finding.evidence()).contains(
                new Evidence("kind", "classic personal access token", GitHubTokenCheck.TOKEN_SOURCE),
                new Evidence("scopes", "read:org, repo, workflow", GitHubTokenCheck.SCOPES_SOURCE),
                new Evidence("expires", "2026-07-01 (in 30 days)", GitHubTokenCheck.EXPIRY_SOURCE));
        assertThat(finding.evidence()).extracting(Evidence::label).contains("scope workflow", "scope repo")
                .doesNotContain("scope read:org");
    }

    @Test
    void dangerousScopesAndNoExpiryAreBothReported() {
        Finding finding = HARNESS.runSingle(viewerWith(Tokens.classic(NEVER, "delete_repo", "repo")));

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.message()).contains("delete_repo", "repo", "never expires");
    }

    @Test
    void classicTokenWithoutScopeHeaderIsUnknown() {
        GitHubTokenInfo token = Tokens.of(GitHubTokenKind.CLASSIC_PAT, Optional.empty(), IN_30_DAYS);

        Finding finding = HARNESS.runSingle(viewerWith(token));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("X-OAuth-Scopes");
    }

    @Test
    void unknownTokenKindIsUnknown() {
        Finding finding = HARNESS.runSingle(viewerWith(Tokens.of(GitHubTokenKind.UNKNOWN, Optional.empty(), NEVER)));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).contains("github_pat_");
    }

    @Test
    void refreshTokenIsUnknown() {
        Finding finding = HARNESS.runSingle(viewerWith(Tokens.of(GitHubTokenKind.REFRESH, Optional.empty(), NEVER)));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void noTokenIsNotApplicable() {
        FakeFacts facts = FakeFacts.none().unavailable(GitHubFacts.VIEWER,
                Unavailability.of(Cause.NO_CREDENTIAL, "no GitHub token was supplied", "GITHUB_TOKEN"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(finding.message()).contains("No GitHub token supplied");
    }

    @Test
    void rejectedTokenIsUnknownWithTheCollectorsReason() {
        FakeFacts facts = FakeFacts.none().unavailable(GitHubFacts.VIEWER,
                Unavailability.of(Cause.UNAUTHORIZED, "GitHub rejected the token (401)", "a valid GITHUB_TOKEN"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).isEqualTo("GitHub rejected the token (401)");
    }

    @Test
    void scopeTableSortsScopesByRisk() {
        assertThat(ClassicScopes.assess("user").risk()).isEqualTo(ClassicScopes.Risk.NEEDED);
        assertThat(ClassicScopes.assess("read:packages").risk()).isEqualTo(ClassicScopes.Risk.READ_ONLY);
        assertThat(ClassicScopes.assess("repo").risk()).isEqualTo(ClassicScopes.Risk.WRITE);
        assertThat(ClassicScopes.assess("workflow").risk()).isEqualTo(ClassicScopes.Risk.DANGEROUS);
        assertThat(ClassicScopes.assess("something:new").risk()).isEqualTo(ClassicScopes.Risk.OTHER);
    }

    private static FakeFacts viewerWith(GitHubTokenInfo token) {
        return FakeFacts.none().with(GitHubFacts.VIEWER,
                RecordedGitHub.viewer(Fixtures.json("github/get_user_authenticated.json"), token));
    }
}
