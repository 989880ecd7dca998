package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.ReportFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** How a report is written and when the command fails. */
final class ReportOptions {
    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
            description = "Report format: md (Markdown checklist), json, html (one self-contained file) or sarif. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the report to FILE instead of standard output.")
    Path out;

    @Option(names = "--fail-on", paramLabel = "SEVERITY", defaultValue = "none",
            description = "Exit with code 1 when a FAIL finding has this severity or worse: critical, high, medium, low, info, or none. Default: ${DEFAULT-VALUE}.")
    String failOn;

    @Option(names = "--fail-on-unknown",
            description = "Also exit with code 1 when a finding at or above --fail-on is UNKNOWN (for gates that must not pass on missing data).")
    boolean failOnUnknown;

    ReportFormat reportFormat() {
        try {
            return ReportFormat.parse(format);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    /** Validates --fail-on early, before an audit is spent on a typo. */
    void validate() {
        reportFormat();
        threshold();
    }

    Severity threshold() {
        if (failOn == null || failOn.trim().toLowerCase(Locale.ROOT).equals("none")) {
            return null;
        }
        try {
            return Severity.parse(failOn);
        } catch (IllegalArgumentException e) {
            throw UserError.usage("--fail-on: " + e.getMessage() + " or none");
        }
    }

    /** The findings that make the command exit with 1; a finding under an active waiver never does. */
    List<Finding> failing(AuditReport report) {
        Severity threshold = threshold();
        if (threshold == null) {
            return List.of();
        }
        return report.findings().stream()
                .filter(f -> !f.isWaived())
                .filter(f -> f.status() == Status.FAIL || failOnUnknown && f.status() == Status.UNKNOWN)
                .filter(f -> f.severity().atLeast(threshold))
                .toList();
    }
}
