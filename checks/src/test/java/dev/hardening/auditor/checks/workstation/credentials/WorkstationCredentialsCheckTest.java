package dev.hardening.auditor.checks.workstation.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import dev.hardening.auditor.core.diff.ReportDiff;
import dev.hardening.auditor.core.diff.ReportDiff.TokenChange;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.workstation.IgnoredValue;
import dev.hardening.auditor.core.facts.workstation.InspectedSource;
import dev.hardening.auditor.core.facts.workstation.SafeStorage;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredential;
import dev.hardening.auditor.core.facts.workstation.WorkstationCredentials;
import dev.hardening.auditor.core.facts.workstation.WorkstationFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.ReportBuilder;
import dev.hardening.auditor.core.tokens.CredentialKind;
import dev.hardening.auditor.core.tokens.FormatValidity;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkstationCredentialsCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new WorkstationCredentialsCheck());
    private static final List<InspectedSource> INSPECTED = List.of(new InspectedSource("~/.npmrc", "absent"),
            new InspectedSource("environment", "no credentials"));

    static Stream<Arguments> credentials() {
        return Stream.of(
                Arguments.of("npm token in ~/.npmrc", fileCredential(CredentialKind.NPM_TOKEN, "~/.npmrc", 2, "registry.npmjs.org", true, false),
                        Status.FAIL, Severity.CRITICAL),
                Arguments.of("PyPI token in ~/.pypirc", fileCredential(CredentialKind.PYPI_TOKEN, "~/.pypirc", 8, "pypi.org", true, false),
                        Status.FAIL, Severity.CRITICAL),
                Arguments.of("gh OAuth token", fileCredential(CredentialKind.GITHUB_OAUTH, "~/.config/gh/hosts.yml", 3, "github.com", true, false),
                        Status.FAIL, Severity.CRITICAL),
                Arguments.of("docker auth", fileCredential(CredentialKind.DOCKER_REGISTRY_AUTH, "~/.docker/config.json", 5, "ghcr.io", true, false),
                        Status.FAIL, Severity.CRITICAL),
                Arguments.of("AWS long-lived key", fileCredential(CredentialKind.AWS_LONG_LIVED_KEY, "~/.aws/credentials", 3, "profile default", false, false),
                        Status.WARN, Severity.MEDIUM),
                Arguments.of("AWS session credentials", fileCredential(CredentialKind.AWS_TEMPORARY_KEY, "~/.aws/credentials", 7, "profile ci", false, true),
                        Status.WARN, Severity.LOW),
                Arguments.of("netrc password for another host", fileCredential(CredentialKind.NETRC_PASSWORD, "~/.netrc", 4, "files.example.org", false, false),
                        Status.WARN, Severity.MEDIUM),
                Arguments.of("npm token in the environment", new WorkstationCredential(CredentialKind.NPM_TOKEN, FormatValidity.CHECKSUM_VALID,
                        "", 0, "NPM_TOKEN", "", "registry.npmjs.org", true, CredentialKind.NPM_TOKEN.capability(), false, "npm_… sha256:0123456789ab"),
                        Status.FAIL, Severity.CRITICAL));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("credentials")
    void eachCredentialIsJudgedByWhatItCanDo(String name, WorkstationCredential credential, Status status, Severity severity) {
        Finding finding = HARNESS.runFor(facts(credential), "workstation:" + credential.location());

        assertThat(finding.status()).isEqualTo(status);
        assertThat(finding.severity()).isEqualTo(severity);
        assertThat(finding.evidence()).extracting(Evidence::label)
                .contains("credential", "location", "can publish", "fingerprint");
        assertThat(finding.evidence()).contains(Evidence.of("fingerprint", credential.fingerprint(), credential.location()));
    }

    @Test
    void publishCapableTokensNameTheIncidentAndWhatCanBePublished() {
        WorkstationCredential npm = fileCredential(CredentialKind.NPM_TOKEN, "~/.npmrc", 2, "registry.npmjs.org", true, false);

        Finding finding = HARNESS.runFor(facts(npm), "workstation:~/.npmrc line 2");

        assertThat(finding.message()).contains("An npm access token for registry.npmjs.org", "~/.npmrc line 2",
                "publish every package", "eslint-scope");
        assertThat(finding.evidence()).contains(Evidence.of("credential", "npm access token (npm-token)", "~/.npmrc line 2"));
    }

    @Test
    void nothingFoundPassesWithWhatWasInspectedAndWhyDecoysWereIgnored() {
        FakeFacts facts = FakeFacts.none().with(WorkstationFacts.CREDENTIALS, new WorkstationCredentials(List.of(),
                List.of(new IgnoredValue("~/.npmrc line 3", "not a real credential: npm access token, checksum does not match")),
                List.of(new SafeStorage("~/.docker/config.json", "docker keeps registry credentials in the credential store desktop")),
                INSPECTED, List.of()));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.evidence()).extracting(Evidence::label, Evidence::value).contains(
                tuple("inspected", "~/.npmrc: absent"),
                tuple("kept safely", "docker keeps registry credentials in the credential store desktop"),
                tuple("not a credential", "not a real credential: npm access token, checksum does not match"));
    }

    @Test
    void decoysBesideRealCredentialsAreListedApart() {
        WorkstationCredential npm = fileCredential(CredentialKind.NPM_TOKEN, "~/.npmrc", 2, "registry.npmjs.org", true, false);
        FakeFacts facts = FakeFacts.none().with(WorkstationFacts.CREDENTIALS, new WorkstationCredentials(List.of(npm),
                List.of(new IgnoredValue("~/.npmrc line 3", "a placeholder, not a credential")), List.of(), INSPECTED, List.of()));

        List<Finding> findings = HARNESS.run(facts);

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                tuple("workstation:~/.npmrc line 2", Status.FAIL),
                tuple("workstation:not-credentials", Status.NOT_APPLICABLE));
    }

    @Test
    void unreadableFilesAreUnknownAndTheRestStillJudged() {
        Unavailability gap = Unavailability.of(Cause.INTERNAL, "~/.netrc could not be read (permission denied)", "make it readable");
        WorkstationCredential npm = fileCredential(CredentialKind.NPM_TOKEN, "~/.npmrc", 2, "registry.npmjs.org", true, false);
        FakeFacts facts = FakeFacts.none().with(WorkstationFacts.CREDENTIALS,
                new WorkstationCredentials(List.of(npm), List.of(), List.of(), INSPECTED, List.of(gap)));

        assertThat(HARNESS.run(facts)).extracting(Finding::status).containsExactly(Status.UNKNOWN, Status.FAIL);
    }

    @Test
    void withoutTheWorkstationFactTheCheckIsUnknown() {
        Finding finding = HARNESS.runSingle(FakeFacts.none().unavailable(WorkstationFacts.CREDENTIALS,
                Unavailability.of(Cause.NOT_CONFIGURED, "this machine is inspected only when the audit is asked to", "run the audit with --workstation")));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.needed()).contains("--workstation");
    }

    @Test
    void eachCredentialIsNamedByFingerprintInTheTokensAttribute() {
        WorkstationCredential npm = envCredential("NPM_TOKEN", "npm_… sha256:0123456789ab");

        Finding finding = HARNESS.runFor(facts(npm), "workstation:environment variable NPM_TOKEN");

        assertThat(finding.attributes()).containsEntry("tokens", List.of("npm_… sha256:0123456789ab"));
        assertThat(HARNESS.run(facts()).get(0).attributes()).as("nothing found, nothing named").doesNotContainKey("tokens");
    }

    @Test
    void aSnapshotDiffShowsACredentialReplacedByAnother() {
        AuditReport before = report(HARNESS.run(facts(envCredential("NPM_TOKEN", "npm_… sha256:0123456789ab"))));
        AuditReport after = report(HARNESS.run(facts(envCredential("NPM_TOKEN", "npm_… sha256:ba9876543210"))));

        ReportDiff diff = ReportDiff.between(before, after);

        String subject = "workstation:environment variable NPM_TOKEN";
        assertThat(diff.tokensAdded()).containsExactly(new TokenChange("workstation.credentials", subject, "npm_… sha256:ba9876543210"));
        assertThat(diff.tokensRemoved()).containsExactly(new TokenChange("workstation.credentials", subject, "npm_… sha256:0123456789ab"));
    }

    @Test
    void aReportFromBeforeTheAttributeIsComparedByTheFingerprintInItsEvidence() {
        List<Finding> now = HARNESS.run(facts(envCredential("NPM_TOKEN", "npm_… sha256:0123456789ab")));
        List<Finding> older = now.stream().map(f -> new Finding(f.check(), f.status(), f.severity(), f.stage(), f.subject(), f.title(),
                f.message(), f.needed(), f.evidence(), f.remediation(), f.references())).toList();

        ReportDiff diff = ReportDiff.between(report(older), report(now));

        assertThat(older.get(0).attributes()).isEmpty();
        assertThat(diff.tokensAdded()).isEmpty();
        assertThat(diff.tokensRemoved()).isEmpty();
    }

    private static AuditReport report(List<Finding> findings) {
        ReportBuilder report = ReportBuilder.report();
        findings.forEach(report::with);
        return report.build();
    }

    private static WorkstationCredential envCredential(String variable, String fingerprint) {
        return new WorkstationCredential(CredentialKind.NPM_TOKEN, FormatValidity.CHECKSUM_VALID, "", 0, variable, "",
                "registry.npmjs.org", true, CredentialKind.NPM_TOKEN.capability(), false, fingerprint);
    }

    private static FakeFacts facts() {
        return FakeFacts.none().with(WorkstationFacts.CREDENTIALS, new WorkstationCredentials(List.of(), List.of(), List.of(),
                INSPECTED, List.of()));
    }

    private static FakeFacts facts(WorkstationCredential c) {
        return FakeFacts.none().with(WorkstationFacts.CREDENTIALS, new WorkstationCredentials(List.of(c), List.of(), List.of(),
                INSPECTED, List.of()));
    }

    private static WorkstationCredential fileCredential(CredentialKind kind, String file, int line, String target, boolean canPublish,
                                                        boolean temporary) {
        return new WorkstationCredential(kind, FormatValidity.WELL_FORMED, file, line, "", "field", target, canPublish,
                kind.capability(), temporary, "sha256:0123456789ab");
    }
}
