package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.playbook.IncidentPlaybook;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

/**
 * The report as a Markdown checklist: {@code - [x]} for what is done (PASS, ATTESTED,
 * NOT_APPLICABLE), {@code - [ ]} for what is not (FAIL, WARN, UNKNOWN), always with the status in
 * words. Every piece of data is escaped: subjects and messages come from APIs and are untrusted.
 */
public final class MarkdownReportWriter implements ReportWriter {
    private final OutputRedaction redaction;

    public MarkdownReportWriter() {
        this(null);
    }

    /** @param redactor secrets to blank out of the output; may be null */
    public MarkdownReportWriter(SecretRedactor redactor) {
        this.redaction = OutputRedaction.of(redactor);
    }

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        StringBuilder md = new StringBuilder(8192);
        header(md, report);
        summary(md, report);
        for (Map.Entry<Stage, List<Finding>> stage : ChecklistOrder.byStage(report.findings()).entrySet()) {
            stage(md, stage.getKey(), stage.getValue());
        }
        PlaybookMarkdownWriter.section(md, IncidentPlaybook.from(report.findings()), redaction, "##");
        requests(md, report.metadata());
        // Whole-document pass as well: a line added here later is covered too.
        out.write(redaction.clean(md.toString()).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void header(StringBuilder md, AuditReport report) {
        md.append("# Maintainer hardening checklist\n\n");
        if (report.demo()) {
            md.append("> **DEMO REPORT** \u2014 produced from the bundled demo world: a fictional maintainer and "
                    + "recorded API responses. Nothing in it describes a real account.\n\n");
        }
        md.append("- Generated: ").append(text(report.generatedAt().toString()))
                // Name and version escaped as one text: a version alone ("0.1.0") would look like a list marker.
                .append(" by ").append(text(report.tool().name() + " " + report.tool().version())).append('\n');
        md.append("- Targets: ").append(report.targets().isEmpty() ? "none" : codes(report.targets())).append('\n');
        ReportMetadata meta = report.metadata();
        md.append("- Audit: ").append(meta.checksRun().size()).append(" checks run in ")
                .append(meta.durationMillis()).append(" ms\n");
        if (meta.cancelled()) {
            md.append("- **Cancelled**: checks that had not finished are reported as UNKNOWN\n");
        }
        md.append('\n');
        md.append("## Score: ").append(report.score()).append(" / 100\n\n");
        md.append(text(Score.formulaSummary())).append("\n\n");
    }

    private void summary(StringBuilder md, AuditReport report) {
        md.append("## Summary\n\n| Status | Findings |\n|---|---:|\n");
        for (Status status : ChecklistOrder.statuses()) {
            md.append("| ").append(text(status.name())).append(" | ")
                    .append(report.summary().getOrDefault(status, 0)).append(" |\n");
        }
        md.append('\n');
    }

    private void stage(StringBuilder md, Stage stage, List<Finding> findings) {
        md.append("## ").append(text(capitalised(stage.id()))).append(" \u2014 ")
                .append(text(stage.description())).append("\n\n");
        if (findings.isEmpty()) {
            md.append("No items in this stage.\n\n");
            return;
        }
        for (Finding f : findings) {
            item(md, f);
        }
        md.append('\n');
    }

    private void item(StringBuilder md, Finding f) {
        // Data never starts a line: each line opens with our own words, so a message such as
        // "# heading" or "1. item" cannot become structure even before escaping.
        md.append("- [").append(StatusDisplay.done(f.status()) ? 'x' : ' ').append("] **")
                .append(text(f.status().name())).append("** \u00b7 ").append(text(f.severity().id()))
                .append(" \u00b7 ").append(text(f.title())).append(" \u00b7 ").append(code(f.subject()))
                .append(" \u2014 ").append(text(f.message())).append('\n');
        md.append("  - Check: ").append(code(f.check())).append('\n');
        f.waiver().ifPresent(w -> md.append("  - ").append(text(WaiverText.describe(w))).append('\n'));
        if (!f.needed().isEmpty()) {
            md.append("  - Needed: ").append(text(f.needed())).append('\n');
        }
        if (!f.evidence().isEmpty()) {
            md.append("  - Evidence:\n");
            for (Evidence e : f.evidence()) {
                md.append("    - ").append(text(e.label())).append(": ").append(text(e.value()));
                if (!e.source().isEmpty()) {
                    md.append(" (source: ").append(text(e.source())).append(')');
                }
                md.append('\n');
            }
        }
        if (!f.remediation().isEmpty()) {
            md.append("  - Remediation:\n");
            int n = 1;
            for (RemediationStep step : f.remediation()) {
                md.append("    ").append(n++).append(". ").append(text(step.text()));
                if (!step.url().isEmpty()) {
                    md.append(" \u2014 ").append(MarkdownText.url(redaction.clean(step.url())));
                }
                if (!step.command().isEmpty()) {
                    md.append(" \u2014 run ").append(code(step.command()));
                }
                md.append('\n');
            }
        }
        if (!f.references().isEmpty()) {
            StringJoiner refs = new StringJoiner("; ");
            for (Reference r : f.references()) {
                refs.add(MarkdownText.link(redaction.clean(r.title()), redaction.clean(r.url())));
            }
            md.append("  - References: ").append(refs).append('\n');
        }
    }

    private void requests(StringBuilder md, ReportMetadata meta) {
        md.append("## Requests\n\n");
        if (meta.requestsByHost().isEmpty()) {
            md.append("No requests were made.\n");
            return;
        }
        md.append("| Host | Requests | Network | Cache hits | Not modified | Retries | Errors | Bytes |\n")
                .append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map.Entry<String, HostStats> host : meta.requestsByHost().entrySet()) {
            HostStats s = host.getValue();
            md.append("| ").append(text(host.getKey())).append(" | ").append(s.requests()).append(" | ")
                    .append(s.networkRequests()).append(" | ").append(s.cacheHits()).append(" | ")
                    .append(s.notModified()).append(" | ").append(s.retries()).append(" | ")
                    .append(s.errors()).append(" | ").append(s.bytes()).append(" |\n");
        }
    }

    private String text(String value) {
        return MarkdownText.escape(redaction.clean(value));
    }

    private String code(String value) {
        return MarkdownText.code(redaction.clean(value));
    }

    private String codes(List<String> values) {
        StringJoiner joined = new StringJoiner(", ");
        values.forEach(v -> joined.add(code(v)));
        return joined.toString();
    }

    private static String capitalised(String id) {
        return Character.toUpperCase(id.charAt(0)) + id.substring(1);
    }
}
