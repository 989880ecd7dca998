package dev.hardening.auditor.checks.github.twofactor;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedGitHub;
import dev.hardening.auditor.checks.recorded.Tokens;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubTokenInfo;
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

class GitHubTwoFactorCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new GitHubTwoFactorCheck());
    private static final GitHubTokenInfo USER_SCOPED = Tokens.classic(Optional.empty(), "user", "read:org");

    static Stream<Arguments> positive() {
        return Stream.of(
                Arguments.of("GET /user of bitwiseman (hub4j recording)", Fixtures.json("github/get_user_authenticated.json"), "github:bitwiseman"),
                Arguments.of("GET /user of jacquev6 (PyGithub recording)", Fixtures.json("github/get_user_authenticated_2012_pygithub.json"), "github:jacquev6"));
    }

    static Stream<Arguments> negative() {
        return Stream.of(
                Arguments.of("bitwiseman with 2FA off", twoFactor("github/get_user_authenticated.json", false), "github:bitwiseman"),
                Arguments.of("jacquev6 with 2FA off", twoFactor("github/get_user_authenticated_2012_pygithub.json", false), "github:jacquev6"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void twoFactorOnPasses(String name, JsonNode user, String subject) {
        Finding finding = HARNESS.runSingle(viewer(user, USER_SCOPED));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.subject()).isEqualTo(subject);
        assertThat(finding.evidence()).containsExactly(new Evidence("two_factor_authentication", "true", "GET /user"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negative")
    void twoFactorOffFails(String name, JsonNode user, String subject) {
        Finding finding = HARNESS.runSingle(viewer(user, USER_SCOPED));

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.subject()).isEqualTo(subject);
        assertThat(finding.evidence()).containsExactly(new Evidence("two_factor_authentication", "false", "GET /user"));
    }

    @Test
    void fieldAbsentBecauseTokenLacksUserScopeIsUnknownAndSaysWhichScope() {
        // GET /users/rtyler is the public view: the same shape GET /user has without the user scope.
        Finding finding = HARNESS.runSingle(viewer(Fixtures.json("github/get_users_rtyler.json"),
                Tokens.classic(Optional.empty(), "read:org")));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.subject()).isEqualTo("github:rtyler");
        assertThat(finding.message()).contains("lacks the `user` scope");
        assertThat(finding.needed()).contains("`user` scope");
    }

    @Test
    void fieldAbsentWithFineGrainedTokenIsUnknown() {
        Finding finding = HARNESS.runSingle(viewer(Fixtures.json("github/get_users_rtyler.json"),
                Tokens.fineGrained(Optional.empty())));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("fine-grained personal access token");
    }

    @Test
    void ownerNamedAsTargetInAnotherCaseIsEvaluated() {
        Finding finding = HARNESS.targets(targets().githubUser("BitwiseMan").build())
                .runSingle(viewer(Fixtures.json("github/get_user_authenticated.json"), USER_SCOPED));

        assertThat(finding.status()).isEqualTo(Status.PASS);
    }

    @Test
    void otherLoginIsUnknownWhileTheOwnerIsStillEvaluated() {
        List<Finding> findings = HARNESS.targets(targets().githubUser("bitwiseman", "octocat").build())
                .run(viewer(Fixtures.json("github/get_user_authenticated.json"), USER_SCOPED));

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("github:bitwiseman", Status.PASS),
                org.assertj.core.groups.Tuple.tuple("github:octocat", Status.UNKNOWN));
        assertThat(findings.get(1).message()).contains("only to the account itself");
        assertThat(findings.get(1).needed()).contains("github.org-2fa");
    }

    @Test
    void onlyAnotherLoginNamedGivesNoVerdictAboutTheOwner() {
        List<Finding> findings = HARNESS.targets(targets().githubUser("octocat").build())
                .run(viewer(Fixtures.json("github/get_user_authenticated.json"), USER_SCOPED));

        assertThat(findings).extracting(Finding::subject).containsExactly("github:octocat");
        assertThat(findings.get(0).status()).isEqualTo(Status.UNKNOWN);
    }

    @Test
    void noTokenIsUnknownForEachLoginAndSaysWhatTokenIsNeeded() {
        FakeFacts facts = FakeFacts.none().unavailable(GitHubFacts.VIEWER,
                Unavailability.of(Cause.NO_CREDENTIAL, "no GitHub token was supplied", "GITHUB_TOKEN"));

        List<Finding> findings = HARNESS.targets(targets().githubUser("octocat", "hubot").build()).run(facts);

        assertThat(findings).extracting(Finding::subject).containsExactly("github:octocat", "github:hubot");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.UNKNOWN);
            assertThat(f.needed()).isEqualTo(GitHubTwoFactorCheck.NEEDED_TOKEN);
        });
    }

    @Test
    void rejectedTokenIsUnknownWithTheCollectorsReason() {
        FakeFacts facts = FakeFacts.none().unavailable(GitHubFacts.VIEWER,
                Unavailability.of(Cause.UNAUTHORIZED, "GitHub rejected the token (401)", "a valid GITHUB_TOKEN"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.subject()).isEqualTo("github");
        assertThat(finding.message()).isEqualTo("GitHub rejected the token (401)");
        assertThat(finding.needed()).isEqualTo("a valid GITHUB_TOKEN");
    }

    private static FakeFacts viewer(JsonNode user, GitHubTokenInfo token) {
        return FakeFacts.none().with(GitHubFacts.VIEWER, RecordedGitHub.viewer(user, token));
    }

    private static JsonNode twoFactor(String fixture, boolean on) {
        ObjectNode user = Fixtures.object(fixture);
        user.put("two_factor_authentication", on);
        return user;
    }
}
