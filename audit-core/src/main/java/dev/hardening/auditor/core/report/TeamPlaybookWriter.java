package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.playbook.PlaybookCredential;
import dev.hardening.auditor.core.playbook.TeamPlaybook;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The team incident playbook as Markdown or as one self-contained HTML file (the report's inline
 * style, no scripts, nothing loaded). All data is escaped; it comes from members' reports.
 */
public final class TeamPlaybookWriter {
    private final SecretRedactor redactor;

    public TeamPlaybookWriter(SecretRedactor redactor) {
        this.redactor = redactor == null ? new SecretRedactor() : redactor;
    }

    public String markdown(TeamPlaybook playbook) {
        StringBuilder md = new StringBuilder("# Team incident playbook\n\n");
        md.append("Built from the latest verified self-audit of each member:\n\n");
        playbook.sources().forEach(s -> md.append("- ").append(MarkdownText.escape(s)).append('\n'));
        if (playbook.isEmpty()) {
            md.append("\nThe members' audits list no packages and no credentials.\n");
            return redactor.redact(md.toString());
        }
        md.append("\n## If a release turns out to be malicious\n\n");
        markdownSteps(md, playbook.steps(), "");
        md.append("\n## Packages: who publishes, whom to notify\n\n");
        for (TeamPlaybook.TeamPackage p : playbook.packages()) {
            md.append("### ").append(MarkdownText.code(p.subject())).append("\n\n");
            for (Map.Entry<String, Optional<String>> e : p.publishers().entrySet()) {
                md.append("- publisher ").append(MarkdownText.code(e.getKey())).append(": ")
                        .append(MarkdownText.escape(e.getValue().orElse("no member's verified audit covers this account")))
                        .append('\n');
            }
            md.append("\nNotify, in order:\n\n");
            int n = 1;
            for (String who : p.contacts()) {
                md.append(n++).append(". ").append(MarkdownText.escape(who)).append('\n');
            }
            md.append('\n');
        }
        md.append("## Credentials to rotate, in this order\n\n");
        int n = 1;
        for (TeamPlaybook.OwnedCredential oc : playbook.credentials()) {
            PlaybookCredential c = oc.credential();
            md.append(n++).append(". **").append(MarkdownText.escape(c.description())).append("** ")
                    .append(MarkdownText.code(c.fingerprint())).append(" — owner ").append(MarkdownText.escape(oc.owner()))
                    .append(c.canPublish() ? " — **can publish**" : "").append('\n')
                    .append("   - where: ").append(MarkdownText.escape(String.join("; ", c.locations()))).append('\n')
                    .append("   - what it can do: ").append(MarkdownText.escape(c.capability())).append('\n');
            markdownSteps(md, c.steps(), "   ");
        }
        return redactor.redact(md.toString());
    }

    public String html(TeamPlaybook playbook) {
        StringBuilder h = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Team incident playbook</title>\n<style>\n").append(HtmlReportWriter.STYLE)
                .append("</style>\n</head>\n<body>\n<main>\n<h1>Team incident playbook</h1>\n")
                .append("<p>Built from the latest verified self-audit of each member:</p>\n<ul>\n");
        playbook.sources().forEach(s -> h.append("<li>").append(t(s)).append("</li>\n"));
        h.append("</ul>\n");
        if (playbook.isEmpty()) {
            h.append("<p class=\"empty\">The members' audits list no packages and no credentials.</p>\n");
        } else {
            h.append("<section>\n<h2>If a release turns out to be malicious</h2>\n");
            htmlSteps(h, playbook.steps());
            h.append("</section>\n<section>\n<h2>Packages: who publishes, whom to notify</h2>\n<table>\n")
                    .append("<thead><tr><th>Package</th><th>Publishers (member)</th><th>Notify, in order</th></tr></thead>\n<tbody>\n");
            for (TeamPlaybook.TeamPackage p : playbook.packages()) {
                h.append("<tr><td><code>").append(t(p.subject())).append("</code></td><td><ul>");
                p.publishers().forEach((account, member) -> h.append("<li><code>").append(t(account)).append("</code>: ")
                        .append(t(member.orElse("no verified self-audit"))).append("</li>"));
                h.append("</ul></td><td><ol>");
                p.contacts().forEach(who -> h.append("<li>").append(t(who)).append("</li>"));
                h.append("</ol></td></tr>\n");
            }
            h.append("</tbody>\n</table>\n</section>\n<section>\n<h2>Credentials to rotate, in this order</h2>\n<ol>\n");
            for (TeamPlaybook.OwnedCredential oc : playbook.credentials()) {
                PlaybookCredential c = oc.credential();
                h.append("<li><strong>").append(t(c.description())).append("</strong> <code>").append(t(c.fingerprint()))
                        .append("</code> \u2014 owner ").append(t(oc.owner()))
                        .append(c.canPublish() ? " \u2014 <strong>can publish</strong>" : "")
                        .append("<br>where: ").append(t(String.join("; ", c.locations())))
                        .append("<br>what it can do: ").append(t(c.capability()));
                htmlSteps(h, c.steps());
                h.append("</li>\n");
            }
            h.append("</ol>\n</section>\n");
        }
        h.append("</main>\n</body>\n</html>\n");
        return redactor.redact(h.toString());
    }

    private static void markdownSteps(StringBuilder md, List<RemediationStep> steps, String indent) {
        int n = 1;
        for (RemediationStep s : steps) {
            md.append(indent).append(n++).append(". ").append(MarkdownText.escape(s.text()));
            if (!s.url().isEmpty()) {
                md.append(" — ").append(MarkdownText.url(s.url()));
            }
            if (!s.command().isEmpty()) {
                md.append(" — run ").append(MarkdownText.code(s.command()));
            }
            md.append('\n');
        }
    }

    private void htmlSteps(StringBuilder h, List<RemediationStep> steps) {
        h.append("<ol>\n");
        for (RemediationStep s : steps) {
            h.append("<li>").append(t(s.text()));
            SafeUrl.http(s.url()).ifPresent(u -> h.append(" \u2014 <a href=\"").append(t(u)).append("\">").append(t(u)).append("</a>"));
            if (!s.command().isEmpty()) {
                h.append(" \u2014 run <code>").append(t(s.command())).append("</code>");
            }
            h.append("</li>\n");
        }
        h.append("</ol>\n");
    }

    private String t(String text) {
        return HtmlText.escape(redactor.redact(text));
    }
}
