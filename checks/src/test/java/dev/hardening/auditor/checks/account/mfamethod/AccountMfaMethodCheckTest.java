package dev.hardening.auditor.checks.account.mfamethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.attest.AttestationFacts;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.attest.MfaAttestation;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubOrgPeople;
import dev.hardening.auditor.core.facts.github.MemberFilter;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.policy.SecondFactorLevel;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Policies;
import dev.hardening.auditor.core.testing.TargetsBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AccountMfaMethodCheckTest {
    private static final Instant NOW = CheckHarness.DEFAULT_NOW;
    private static final CheckHarness HARNESS = CheckHarness.of(new AccountMfaMethodCheck())
            .targets(TargetsBuilder.targets().githubUser("octocat").build());

    static Stream<Arguments> declarations() {
        return Stream.of(
                Arguments.of(MfaMethod.SECURITY_KEY, Status.ATTESTED),
                Arguments.of(MfaMethod.PASSKEY, Status.ATTESTED),
                Arguments.of(MfaMethod.TOTP, Status.WARN),
                Arguments.of(MfaMethod.SMS, Status.FAIL),
                Arguments.of(MfaMethod.NONE, Status.FAIL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("declarations")
    void aFreshDeclarationDecidesWithItsDate(MfaMethod method, Status expected) {
        Instant declared = NOW.minus(Duration.ofDays(10));

        Finding finding = HARNESS.runSingle(declared(new MfaAttestation(Platform.GITHUB, method, declared)));

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.subject()).isEqualTo("github:octocat");
        assertThat(finding.evidence()).contains(Evidence.of("declared on", "2026-05-22", "your declaration of 2026-05-22"));
    }

    @Test
    void aDeclarationOlderThanThePeriodAsksToDeclareAgain() {
        Instant declared = NOW.minus(AttestationPeriod.DEFAULT).minusSeconds(1);

        Finding finding = HARNESS.runSingle(declared(new MfaAttestation(Platform.GITHUB, MfaMethod.SECURITY_KEY, declared)));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("more than 180 days ago");
        assertThat(finding.needed()).contains("auditor attest --platform github");
    }

    @Test
    void aDeclarationJustInsideThePeriodStillCounts() {
        Instant declared = NOW.minus(AttestationPeriod.DEFAULT).plusSeconds(60);

        assertThat(HARNESS.runSingle(declared(new MfaAttestation(Platform.GITHUB, MfaMethod.PASSKEY, declared))).status())
                .isEqualTo(Status.ATTESTED);
    }

    @Test
    void noDeclarationIsUnknownWithTheCommandToMakeOne() {
        Finding finding = HARNESS.runSingle(declared());

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).contains("auditor attest --platform github --method security-key|passkey|totp|sms|none");
    }

    @Test
    void smsSeenByGitHubFailsWhateverWasDeclared() {
        FakeFacts facts = declared(new MfaAttestation(Platform.GITHUB, MfaMethod.SECURITY_KEY, NOW))
                .with(GitHubFacts.orgMembers("inkwell-tools", MemberFilter.TWO_FA_INSECURE),
                        new GitHubOrgPeople("inkwell-tools", MemberFilter.TWO_FA_INSECURE, false, List.of("someone", "OctoCat")));

        Finding finding = HARNESS.targets(TargetsBuilder.targets().githubUser("octocat").githubOrg("inkwell-tools").build())
                .runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.evidence()).contains(Evidence.of("second factor", "SMS (insecure)",
                "GET /orgs/inkwell-tools/members?filter=2fa_insecure"));
    }

    @Test
    void orgDataUnavailableFallsBackToTheDeclaration() {
        FakeFacts facts = declared(new MfaAttestation(Platform.GITHUB, MfaMethod.TOTP, NOW))
                .unavailable(GitHubFacts.orgMembers("inkwell-tools", MemberFilter.TWO_FA_INSECURE),
                        Unavailability.of(Cause.FORBIDDEN, "only owners see 2FA filters", "an owner's token"));

        Finding finding = HARNESS.targets(TargetsBuilder.targets().githubUser("octocat").githubOrg("inkwell-tools").build())
                .runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.WARN);
    }

    @Test
    void eachAuditedPlatformGetsItsOwnFindingAndPyPINotesThatTwoFactorIsMandatory() {
        FakeFacts facts = declared(new MfaAttestation(Platform.GITHUB, MfaMethod.SECURITY_KEY, NOW),
                new MfaAttestation(Platform.NPM, MfaMethod.TOTP, NOW), new MfaAttestation(Platform.PYPI, MfaMethod.SMS, NOW));

        List<Finding> findings = HARNESS.targets(TargetsBuilder.targets().githubUser("octocat").npmUser("octo")
                .pypiProject("octolib").build()).run(facts);

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                tuple("github:octocat", Status.ATTESTED), tuple("npm:octo", Status.WARN), tuple("pypi:you", Status.FAIL));
        assertThat(findings.get(2).message()).contains("PyPI has required 2FA since 2024");
    }

    @Test
    void platformsOutsideTheAuditAreLeftOutUnlessDeclared() {
        Finding finding = CheckHarness.of(new AccountMfaMethodCheck()).targets(TargetsBuilder.targets().npmPackage("left-pad").build())
                .runSingle(declared());

        assertThat(finding.subject()).isEqualTo("npm:you");
    }

    @Test
    void anUnreadableDeclarationFileIsUnknownAndSaysSo() {
        FakeFacts facts = FakeFacts.none().unavailable(AttestationFacts.ATTESTATIONS,
                Unavailability.of(Cause.MALFORMED, "attestations.json is not valid JSON", "attest again"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("not valid JSON");
    }

    // --- the policy's second-factor levels and attestation period ------------------------------------

    static Stream<Arguments> againstThePolicy() {
        return Stream.of(
                // method, required level, status without the policy, status with it
                Arguments.of(MfaMethod.SECURITY_KEY, "phishing-resistant", Status.ATTESTED, Status.ATTESTED),
                Arguments.of(MfaMethod.PASSKEY, "app", Status.ATTESTED, Status.ATTESTED),
                Arguments.of(MfaMethod.TOTP, "phishing-resistant", Status.WARN, Status.FAIL),
                Arguments.of(MfaMethod.TOTP, "app", Status.WARN, Status.WARN),
                Arguments.of(MfaMethod.TOTP, "enabled", Status.WARN, Status.WARN),
                Arguments.of(MfaMethod.SMS, "app", Status.FAIL, Status.FAIL),
                Arguments.of(MfaMethod.SMS, "enabled", Status.FAIL, Status.FAIL),
                Arguments.of(MfaMethod.NONE, "enabled", Status.FAIL, Status.FAIL));
    }

    @ParameterizedTest(name = "{0} against {1}")
    @MethodSource("againstThePolicy")
    void aDeclaredMethodBelowThePolicysLevelFailsNamingTheRule(MfaMethod method, String level, Status without, Status with) {
        FakeFacts facts = declared(new MfaAttestation(Platform.GITHUB, method, NOW.minus(Duration.ofDays(3))));
        Policy policy = Policies.of("second-factor:\n  github: " + level + "\n");

        Finding lenient = HARNESS.runSingle(facts);
        Finding strict = HARNESS.policy(policy).runSingle(facts);

        assertThat(lenient.status()).isEqualTo(without);
        assertThat(lenient.message()).doesNotContain("policy");
        assertThat(strict.status()).isEqualTo(with);
        assertThat(strict.evidence()).anySatisfy(e -> {
            assertThat(e.label()).isEqualTo("required by the policy");
            assertThat(e.value()).startsWith(level);
            assertThat(e.source()).isEqualTo("policy team.yaml (second-factor.github)");
        });
        boolean below = !RequiredSecondFactor.levelOf(method).map(SecondFactorLevel.parse(level)::satisfiedBy).orElse(false);
        if (below) {
            assertThat(strict.message()).contains("The team policy requires", "(policy team.yaml (second-factor.github))");
        } else {
            assertThat(strict.message()).isEqualTo(lenient.message());
        }
    }

    @Test
    void thePolicyOfOnePlatformDoesNotJudgeAnother() {
        FakeFacts facts = declared(new MfaAttestation(Platform.NPM, MfaMethod.TOTP, NOW));

        Finding finding = CheckHarness.of(new AccountMfaMethodCheck()).targets(TargetsBuilder.targets().npmUser("octo").build())
                .policy(Policies.of("second-factor: {github: phishing-resistant}")).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.evidence()).extracting(Evidence::label).doesNotContain("required by the policy");
    }

    @Test
    void smsSeenByGitHubNamesThePolicyItBreaks() {
        FakeFacts facts = declared().with(GitHubFacts.orgMembers("inkwell-tools", MemberFilter.TWO_FA_INSECURE),
                new GitHubOrgPeople("inkwell-tools", MemberFilter.TWO_FA_INSECURE, false, List.of("octocat")));
        CheckHarness harness = HARNESS.targets(TargetsBuilder.targets().githubUser("octocat").githubOrg("inkwell-tools").build());

        Finding strict = harness.policy(Policies.of("second-factor: {github: app}")).runSingle(facts);
        Finding lenient = harness.runSingle(facts);

        assertThat(strict.status()).isEqualTo(Status.FAIL);
        assertThat(strict.message()).contains("The team policy requires an authenticator app or stronger on GitHub"
                + " (policy team.yaml (second-factor.github))");
        assertThat(lenient.status()).isEqualTo(Status.FAIL);
        assertThat(lenient.message()).doesNotContain("policy");
    }

    static Stream<Arguments> periods() {
        return Stream.of(
                // declared days ago, policy, expected
                Arguments.of(100, "", Status.ATTESTED),
                Arguments.of(100, "attestations: {max-age: 90d}", Status.UNKNOWN),
                Arguments.of(89, "attestations: {max-age: 90d}", Status.ATTESTED),
                Arguments.of(200, "attestations: {max-age: 365d}", Status.ATTESTED),
                Arguments.of(200, "", Status.UNKNOWN));
    }

    @ParameterizedTest(name = "declared {0} days ago, policy \"{1}\"")
    @MethodSource("periods")
    void thePolicySetsHowLongADeclarationIsTrusted(int daysAgo, String yaml, Status expected) {
        FakeFacts facts = declared(new MfaAttestation(Platform.GITHUB, MfaMethod.SECURITY_KEY, NOW.minus(Duration.ofDays(daysAgo))));

        Finding finding = HARNESS.policy(Policies.of(yaml)).runSingle(facts);

        assertThat(finding.status()).isEqualTo(expected);
        if (expected == Status.UNKNOWN) {
            assertThat(finding.message()).contains("more than " + (yaml.isEmpty() ? "180" : "90") + " days ago");
        } else {
            assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.source()).contains(yaml.isEmpty()
                    ? "180 days without a policy" : "policy team.yaml (attestations.max-age)"));
        }
    }

    private static FakeFacts declared(MfaAttestation... attestations) {
        Attestations all = Attestations.none();
        for (MfaAttestation a : attestations) {
            all = all.with(a);
        }
        return FakeFacts.none().with(AttestationFacts.ATTESTATIONS, all);
    }
}
