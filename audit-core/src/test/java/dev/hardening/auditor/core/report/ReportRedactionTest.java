package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The safety net: a registered secret that slipped into a finding never reaches any format's
 * output, not even in escaped form (which is why the assertions look for a fragment of the secret,
 * not for the secret itself).
 */
class ReportRedactionTest {
    private static final String PLAIN_SECRET = "npm_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789";
    private static final String PLAIN_FRAGMENT = "AbCdEfGhIjKlMnOp";
    /** Full of characters that every format escapes: an escaped secret is still a leaked secret. */
    private static final String SPECIAL_SECRET = "ghp_S3cr3tZ*t0k[en]<&>|`_\"'x";
    private static final String SPECIAL_FRAGMENT = "S3cr3tZ";

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void registeredSecretsNeverReachTheOutput(ReportFormat format) {
        String out = format.writer(redactor(), List.of()).writeToString(leakyReport());

        assertThat(out).doesNotContain(PLAIN_FRAGMENT).doesNotContain(SPECIAL_FRAGMENT).contains("REDACTED");
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void withoutARedactorTheSameReportWouldLeak(ReportFormat format) {
        // Proves the test data really carries the secrets into every format.
        String out = format.writer().writeToString(leakyReport());

        assertThat(out).contains(PLAIN_FRAGMENT).contains(SPECIAL_FRAGMENT);
    }

    private static SecretRedactor redactor() {
        SecretRedactor redactor = new SecretRedactor();
        redactor.register(Secret.of(PLAIN_SECRET));
        redactor.register(Secret.of(SPECIAL_SECRET));
        return redactor;
    }

    /** Both secrets in every string field a finding, the targets and the metadata have. */
    private static AuditReport leakyReport() {
        String both = "token " + PLAIN_SECRET + " and " + SPECIAL_SECRET;
        List<Finding> findings = List.of(
                new Finding("workstation.credentials", Status.FAIL, Severity.CRITICAL, Stage.LIMIT,
                        "file:" + PLAIN_SECRET, "Title " + SPECIAL_SECRET, "Found " + both, "needs " + both,
                        List.of(new Evidence("label " + both, "value " + both, "source " + both)),
                        List.of(new RemediationStep("step " + both, "https://example.org/" + PLAIN_SECRET,
                                "npm token revoke " + SPECIAL_SECRET)),
                        List.of(new Reference("ref " + both, "https://example.org/?t=" + PLAIN_SECRET))),
                new Finding("npm.tokens", Status.UNKNOWN, Severity.HIGH, Stage.LIMIT,
                        "npm:" + SPECIAL_SECRET, "Limit npm tokens", "Could not read " + both, "needs " + both,
                        List.of(), List.of(), List.of()));
        ReportMetadata metadata = new ReportMetadata(Instant.parse("2025-03-01T10:00:00Z"),
                Instant.parse("2025-03-01T10:00:01Z"), 1000, false, List.of("npm.tokens"),
                Map.of("host-" + PLAIN_SECRET + ".example.org", new HostStats(1, 1, 0, 0, 0, 0, 10)));
        return new AuditReport(AuditReport.SCHEMA_VERSION, ToolInfo.current(), ReportFixtures.GENERATED_AT, false,
                List.of("npm-user:" + PLAIN_SECRET, "github-user:" + SPECIAL_SECRET), Score.of(findings),
                AuditReport.summarize(findings), findings, metadata);
    }
}
