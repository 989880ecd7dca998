package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.playbook.IncidentPlaybook;
import dev.hardening.auditor.core.playbook.PlaybookCredential;
import dev.hardening.auditor.core.playbook.PlaybookPackage;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The incident playbook of a report as a document of its own, to print or keep next to the
 * release runbook: who can publish each package, every credential found and how to rotate it, in
 * order. The Markdown report embeds the same section ({@link #section}).
 */
public final class PlaybookMarkdownWriter implements ReportWriter {
    private final OutputRedaction redaction;

    /** @param redactor secrets to blank out of the output; may be null */
    public PlaybookMarkdownWriter(SecretRedactor redactor) {
        this.redaction = OutputRedaction.of(redactor);
    }

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        StringBuilder md = new StringBuilder(4096);
        md.append("# Incident playbook\n\n");
        if (report.demo()) {
            md.append("> **DEMO** \u2014 built from the bundled demo world: a fictional maintainer. Nothing in it "
                    + "describes a real account.\n\n");
        }
        md.append("- Built from the audit of ").append(text(report.generatedAt().toString())).append(" by ")
                .append(text(report.tool().name())).append(' ').append(text(report.tool().version())).append('\n');
        md.append("- Targets: ").append(report.targets().isEmpty() ? "none"
                : String.join(", ", report.targets().stream().map(this::code).toList())).append("\n\n");
        section(md, IncidentPlaybook.from(report.findings()), redaction, "##");
        out.write(redaction.clean(md.toString()).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The playbook under a heading of level {@code heading} ({@code ##}), its parts one level below. */
    static void section(StringBuilder md, IncidentPlaybook playbook, OutputRedaction redaction, String heading) {
        new PlaybookMarkdownWriter(redaction).render(md, playbook, heading);
    }

    private PlaybookMarkdownWriter(OutputRedaction redaction) {
        this.redaction = redaction;
    }

    private void render(StringBuilder md, IncidentPlaybook playbook, String heading) {
        String sub = heading + "#";
        md.append(heading).append(" Incident playbook\n\n");
        if (playbook.isEmpty()) {
            md.append("The audit found no packages and no credentials to list here.\n\n");
            return;
        }
        md.append("If a release turns out to be malicious, in this order:\n\n");
        steps(md, "", playbook.steps());
        if (!playbook.packages().isEmpty()) {
            md.append('\n').append(sub).append(" Who can publish\n\n| Package | Publishers |\n|---|---|\n");
            for (PlaybookPackage p : playbook.packages()) {
                md.append("| ").append(code(p.subject())).append(" | ").append(text(String.join(", ", p.publishers()))).append(" |\n");
            }
        }
        if (!playbook.credentials().isEmpty()) {
            md.append('\n').append(sub).append(" Credentials to rotate (those that can publish first)\n\n");
            for (PlaybookCredential c : playbook.credentials()) {
                md.append("- **").append(text(c.description())).append("** ").append(code(c.fingerprint()))
                        .append(c.canPublish() ? " \u2014 can publish" : "").append('\n');
                md.append("  - Where: ").append(text(String.join("; ", c.locations()))).append('\n');
                if (!c.target().isEmpty()) {
                    md.append("  - For: ").append(text(c.target())).append('\n');
                }
                md.append("  - What it can do: ").append(text(c.capability())).append('\n');
                md.append("  - Found by: ").append(code(c.foundBy())).append('\n');
                md.append("  - Rotate:\n");
                steps(md, "    ", c.steps());
            }
        }
        md.append('\n');
    }

    private void steps(StringBuilder md, String indent, List<RemediationStep> steps) {
        int n = 1;
        for (RemediationStep step : steps) {
            md.append(indent).append(n++).append(". ").append(text(step.text()));
            if (!step.url().isEmpty()) {
                md.append(" \u2014 ").append(MarkdownText.url(redaction.clean(step.url())));
            }
            if (!step.command().isEmpty()) {
                md.append(" \u2014 run ").append(code(step.command()));
            }
            md.append('\n');
        }
    }

    private String text(String value) {
        return MarkdownText.escape(redaction.clean(value));
    }

    private String code(String value) {
        return MarkdownText.code(redaction.clean(value));
    }
}
