package dev.hardening.auditor.checks.npm.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedNpm;
import dev.hardening.auditor.core.diff.ReportDiff;
import dev.hardening.auditor.core.diff.ReportDiff.TokenChange;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmTokens;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.playbook.CredentialEvidence;
import dev.hardening.auditor.core.playbook.IncidentPlaybook;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import dev.hardening.auditor.core.testing.Policies;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpmTokensCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new NpmTokensCheck()); // now: 2026-06-01
    private static final String FIXTURE = "npm/tokens_v1_npmcli_test.json";

    /** The recorded publish token (first entry) edited by {@code edit}. */
    static FakeFacts publishToken(Consumer<ObjectNode> edit) {
        ObjectNode list = Fixtures.object(FIXTURE);
        ArrayNode objects = (ArrayNode) list.get("objects");
        objects.remove(1);
        edit.accept((ObjectNode) objects.get(0));
        return FakeFacts.none().with(NpmFacts.TOKENS, RecordedNpm.tokens(list));
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("recorded publish token: no expiry, any network", publishToken(t -> { }), Status.FAIL, "never expires"),
                Arguments.of("write token bypassing 2FA", publishToken(t -> t.put("expiry", "2026-06-20T00:00:00Z")
                        .put("bypass_2fa", true).putArray("cidr_whitelist").add("203.0.113.0/24")), Status.FAIL, "bypass_2fa"),
                Arguments.of("write token valid for a year", publishToken(t -> t.put("expiry", "2027-06-01T00:00:00Z")
                        .putArray("cidr_whitelist").add("203.0.113.0/24")), Status.WARN, "more than 90 days"),
                Arguments.of("short-lived write token from any network", publishToken(t -> t.put("expiry", "2026-06-08T00:00:00Z")),
                        Status.WARN, "any network"),
                Arguments.of("unused for months", publishToken(t -> t.put("readonly", true).put("accessed", "2025-12-01T00:00:00Z")),
                        Status.WARN, "not been used since 2025-12-01"),
                Arguments.of("short-lived CIDR-restricted write token", publishToken(t -> t.put("expiry", "2026-06-08T00:00:00Z")
                        .put("bypass_2fa", false).putArray("cidr_whitelist").add("203.0.113.0/24")), Status.PASS, "203.0.113.0/24"),
                Arguments.of("read-only token used last week", publishToken(t -> t.put("readonly", true)
                        .put("accessed", "2026-05-25T00:00:00Z")), Status.PASS, "cannot publish"),
                Arguments.of("expired write token", publishToken(t -> t.put("expiry", "2026-01-01T00:00:00Z")), Status.PASS, "expired"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void eachTokenIsJudgedOnItsOwn(String name, FakeFacts facts, Status expected, String says) {
        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(says);
        assertThat(finding.subject()).isEqualTo("npm token abcd12…");
    }

    @Test
    void recordedListGivesOneFindingPerTokenByKeyPrefixAndNeverTheToken() {
        List<Finding> findings = HARNESS.run(FakeFacts.none().with(NpmFacts.TOKENS, RecordedNpm.tokens(Fixtures.json(FIXTURE))));

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                tuple("npm token abcd12…", Status.FAIL), tuple("npm token abcd12…", Status.PASS));
        assertThat(findings.get(0).message()).contains("one of 1 that can publish");
        assertThat(findings.get(1).evidence()).contains(new Evidence("CIDR", "192.168.1.1/32", "GET /-/npm/v1/tokens"),
                new Evidence("access", "read-only", "GET /-/npm/v1/tokens"), new Evidence("created", "2020-08-12", "GET /-/npm/v1/tokens"));
        String everything = findings.toString();
        assertThat(everything).doesNotContain("efgh5678", "hgfe8765", "abcd1234abcd1234");
    }

    static Stream<Arguments> againstTheMaxAge() {
        return Stream.of(
                // token (created 2020-08-12 unless edited), policy, status without the policy, status with it, what it says
                Arguments.of("read-only, created years ago, no expiry", publishToken(t -> t.put("readonly", true)), "90d",
                        Status.PASS, Status.FAIL, "created on 2020-08-12, more than 90 days ago"),
                Arguments.of("short-lived CIDR-restricted write token created last week",
                        publishToken(t -> t.put("created", "2026-05-25T00:00:00Z").put("expiry", "2026-06-08T00:00:00Z")
                                .putArray("cidr_whitelist").add("203.0.113.0/24")), "30d", Status.PASS, Status.PASS, "203.0.113.0/24"),
                Arguments.of("write token created last week, valid for a year",
                        publishToken(t -> t.put("created", "2026-05-25T00:00:00Z").put("expiry", "2027-05-25T00:00:00Z")
                                .putArray("cidr_whitelist").add("203.0.113.0/24")), "90d", Status.WARN, Status.FAIL,
                        "valid from 2026-05-25 until 2027-05-25"),
                Arguments.of("read-only token created yesterday without expiry",
                        publishToken(t -> t.put("readonly", true).put("created", "2026-05-31T00:00:00Z")), "90d",
                        Status.PASS, Status.FAIL, "this one never expires"),
                Arguments.of("read-only token without a creation date, valid for 60 days",
                        publishToken(t -> t.put("readonly", true).put("expiry", "2026-07-31T00:00:00Z").remove(List.of("created", "updated"))),
                        "30d", Status.PASS, Status.FAIL, "valid from now until 2026-07-31"),
                Arguments.of("expired long ago: not judged again", publishToken(t -> t.put("expiry", "2026-01-01T00:00:00Z")), "7d",
                        Status.PASS, Status.PASS, "expired"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("againstTheMaxAge")
    void aTokenOlderOrLongerLivedThanThePolicyAllowsFailsNamingTheRule(String name, FakeFacts facts, String maxAge,
                                                                       Status without, Status with, String says) {
        Finding lenient = HARNESS.runSingle(facts);
        Finding strict = HARNESS.policy(Policies.of("tokens: {max-age: " + maxAge + "}")).runSingle(facts);

        assertThat(lenient.status()).as(lenient.message()).isEqualTo(without);
        assertThat(lenient.message()).doesNotContain("policy");
        assertThat(strict.status()).as(strict.message()).isEqualTo(with);
        assertThat(strict.message()).contains(says);
        if (with == Status.FAIL) {
            assertThat(strict.message()).contains("(policy team.yaml (tokens.max-age))");
            assertThat(strict.evidence()).extracting(Evidence::source).contains("policy team.yaml (tokens.max-age)");
        }
    }

    private static NpmTokens tokensEdited(Consumer<ObjectNode> edit) {
        ObjectNode list = Fixtures.object(FIXTURE);
        ArrayNode objects = (ArrayNode) list.get("objects");
        objects.remove(1);
        edit.accept((ObjectNode) objects.get(0));
        return RecordedNpm.tokens(list);
    }

    @Test
    void eachTokenIsACredentialForThePlaybookAndIsNamedByItsKeyPrefix() {
        FakeFacts facts = publishToken(t -> t.put("key", "9f8e7d6c5b4a"));

        Finding finding = HARNESS.runSingle(facts);
        IncidentPlaybook playbook = IncidentPlaybook.from(List.of(finding));

        assertThat(finding.attributes()).containsEntry("tokens", List.of("npm-token:9f8e7d"));
        assertThat(finding.evidence()).contains(
                new Evidence(CredentialEvidence.CREDENTIAL, "npm access token (npm-token)", NpmTokensCheck.SOURCE),
                new Evidence(CredentialEvidence.FINGERPRINT, "npm-token:9f8e7d", NpmTokensCheck.SOURCE),
                new Evidence(CredentialEvidence.CAN_PUBLISH, "yes: publish every package the account can publish", NpmTokensCheck.SOURCE));
        assertThat(playbook.credentials()).singleElement().satisfies(c -> {
            assertThat(c.kind()).isEqualTo("npm-token");
            assertThat(c.fingerprint()).isEqualTo("npm-token:9f8e7d");
            assertThat(c.canPublish()).isTrue();
            assertThat(c.foundBy()).isEqualTo("npm.tokens");
            assertThat(c.steps()).extracting(RemediationStep::command).contains("npm token list");
        });
    }

    @Test
    void aReadOnlyOrExpiredTokenIsListedAsUnableToPublish() {
        Finding readOnly = HARNESS.runSingle(publishToken(t -> t.put("readonly", true)));
        Finding expired = HARNESS.runSingle(publishToken(t -> t.put("expiry", "2026-01-01T00:00:00Z")));

        assertThat(readOnly.evidence()).contains(new Evidence(CredentialEvidence.CAN_PUBLISH,
                "no: read the account's packages, private ones included", NpmTokensCheck.SOURCE));
        assertThat(expired.evidence()).contains(new Evidence(CredentialEvidence.CAN_PUBLISH,
                "no: nothing: it expired on 2026-01-01", NpmTokensCheck.SOURCE));
        assertThat(IncidentPlaybook.from(List.of(readOnly, expired)).credentials()).extracting(c -> c.canPublish())
                .containsOnly(false);
    }

    @Test
    void aSnapshotDiffShowsTokensAddedAndRemovedByTheirIds() {
        AuditReport before = report(HARNESS.run(FakeFacts.none().with(NpmFacts.TOKENS, tokensEdited(t -> { }))));
        AuditReport after = report(HARNESS.run(FakeFacts.none().with(NpmFacts.TOKENS,
                tokensEdited(t -> t.put("key", "77aa55bb66cc").put("expiry", "2026-06-08T00:00:00Z")))));

        ReportDiff diff = ReportDiff.between(before, after);

        assertThat(diff.tokensAdded()).containsExactly(new TokenChange("npm.tokens", "npm token 77aa55…", "npm-token:77aa55"));
        assertThat(diff.tokensRemoved()).containsExactly(new TokenChange("npm.tokens", "npm token abcd12…", "npm-token:abcd12"));
        assertThat(ReportDiff.between(before, before).tokensAdded()).isEmpty();
    }

    private static AuditReport report(List<Finding> findings) {
        ReportBuilder report = ReportBuilder.report();
        findings.forEach(report::with);
        return report.build();
    }

    @Test
    void manyWriteTokensAddAnAccountWarning() {
        ObjectNode list = Fixtures.object(FIXTURE);
        ArrayNode objects = (ArrayNode) list.get("objects");
        for (int i = 0; i < 3; i++) {
            objects.add(((ObjectNode) objects.get(0).deepCopy()).put("key", "ffff000" + i));
        }

        List<Finding> findings = HARNESS.run(FakeFacts.none().with(NpmFacts.TOKENS, RecordedNpm.tokens(list)));

        assertThat(findings).filteredOn(f -> f.subject().equals("npm tokens")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN))
                .satisfies(f -> assertThat(f.message()).startsWith("4 tokens of the account can publish"));
    }

    @Test
    void expiredWriteTokensAreNotCountedAsAbleToPublish() {
        ObjectNode list = Fixtures.object(FIXTURE);
        ArrayNode objects = (ArrayNode) list.get("objects");
        for (int i = 0; i < 3; i++) {
            objects.add(((ObjectNode) objects.get(0).deepCopy()).put("key", "ffff000" + i).put("expiry", "2026-01-01T00:00:00Z"));
        }

        List<Finding> findings = HARNESS.run(FakeFacts.none().with(NpmFacts.TOKENS, RecordedNpm.tokens(list)));

        assertThat(findings).as("1 live write token and 3 expired ones: no account warning")
                .noneMatch(f -> f.subject().equals("npm tokens"));
        assertThat(findings).filteredOn(f -> f.status() == Status.FAIL).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("one of 1 that can publish"));
    }

    @Test
    void revokedTokensAreIgnoredAndAnEmptyListPasses() {
        Finding finding = HARNESS.runSingle(publishToken(t -> t.put("revoked", true)));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.message()).contains("no active tokens");
    }

    @Test
    void withoutATokenOrWhenTheListFailsItIsUnknown() {
        Finding noToken = HARNESS.runSingle(FakeFacts.none().unavailable(NpmFacts.TOKENS, Cause.NO_CREDENTIAL));
        Finding failed = HARNESS.runSingle(FakeFacts.none().unavailable(NpmFacts.TOKENS,
                Unavailability.of(Cause.UNAUTHORIZED, "npm refused the credential", "a valid npm token")));

        assertThat(noToken.status()).isEqualTo(Status.UNKNOWN);
        assertThat(noToken.needed()).contains("NPM_TOKEN");
        assertThat(failed.status()).isEqualTo(Status.UNKNOWN);
        assertThat(failed.message()).isEqualTo("npm refused the credential");
    }
}
