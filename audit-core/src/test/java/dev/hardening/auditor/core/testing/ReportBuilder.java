package dev.hardening.auditor.core.testing;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.ReportMetadata;
import dev.hardening.auditor.core.report.Score;
import dev.hardening.auditor.core.report.ToolInfo;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Builds reports from plain findings, for tests of snapshots, diffs, signing and the team view. */
public final class ReportBuilder {
    private final List<Finding> findings = new ArrayList<>();
    private Instant generatedAt = Instant.parse("2026-05-01T09:00:00Z");
    private List<String> targets = List.of("npm-user:alice");

    public static ReportBuilder report() {
        return new ReportBuilder();
    }

    public ReportBuilder at(Instant when) {
        generatedAt = when;
        return this;
    }

    public ReportBuilder targets(String... t) {
        targets = List.of(t);
        return this;
    }

    public ReportBuilder with(Finding f) {
        findings.add(f);
        return this;
    }

    public ReportBuilder with(String check, String subject, Status status, Evidence... evidence) {
        return with(finding(check, subject, status, evidence));
    }

    public static Finding finding(String check, String subject, Status status, Evidence... evidence) {
        return new Finding(check, status, Severity.HIGH, Stage.LIMIT, subject, "Title of " + check,
                status + " for " + subject, status == Status.UNKNOWN ? "a token" : "", Arrays.asList(evidence),
                List.of(new RemediationStep("Fix it", "https://example.org/settings", "")),
                List.of(new Reference("Docs", "https://example.org/docs")));
    }

    public AuditReport build() {
        List<String> checks = findings.stream().map(Finding::check).distinct().toList();
        return new AuditReport(AuditReport.SCHEMA_VERSION, new ToolInfo("maintainer-hardening-auditor", "9.9.9-test"),
                generatedAt, false, targets, Score.of(findings), AuditReport.summarize(findings), findings,
                new ReportMetadata(generatedAt.minusSeconds(2), generatedAt, 2000, false, checks, Map.of()));
    }
}
