package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.playbook.IncidentPlaybook;
import dev.hardening.auditor.core.playbook.PlaybookCredential;
import dev.hardening.auditor.core.playbook.PlaybookPackage;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The report as one self-contained HTML file: inline CSS, no scripts, no fonts, no images, nothing
 * loaded from anywhere, and a Content-Security-Policy that forbids loading anything should data ever
 * get past the escaping. Links to references are plain anchors; following one is the reader's choice.
 */
public final class HtmlReportWriter implements ReportWriter {
    /** Blocks every fetch and script; only the inline stylesheet below is allowed. */
    static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'";

    static final String STYLE = """
            :root { --bg: #ffffff; --fg: #1f2328; --muted: #59636e; --border: #d1d9e0; --panel: #f6f8fa;
              --pass: #1a7f37; --fail: #cf222e; --warn: #9a6700; --unknown: #6e40c9; --attested: #0969da;
              --na: #59636e; --demo-bg: #fff8c5; --demo-fg: #3b2300; }
            @media (prefers-color-scheme: dark) {
              :root { --bg: #0d1117; --fg: #e6edf3; --muted: #9198a1; --border: #3d444d; --panel: #151b23;
                --pass: #3fb950; --fail: #f85149; --warn: #d29922; --unknown: #ab7df8; --attested: #4493f8;
                --na: #9198a1; --demo-bg: #3b2300; --demo-fg: #fff8c5; }
            }
            body { background: var(--bg); color: var(--fg); margin: 0 auto; max-width: 62rem; padding: 1.5rem;
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; }
            h1 { margin-top: 0; } h2 { border-bottom: 1px solid var(--border); padding-bottom: .25rem; }
            code { background: var(--panel); border: 1px solid var(--border); border-radius: 4px; padding: 0 .25rem;
              font: 13px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; overflow-wrap: anywhere; }
            a { color: var(--attested); }
            table { border-collapse: collapse; margin: .5rem 0; }
            th, td { border: 1px solid var(--border); padding: .25rem .6rem; text-align: left; vertical-align: top; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            .demo-banner { background: var(--demo-bg); color: var(--demo-fg); border: 2px solid var(--warn);
              border-radius: 6px; padding: .75rem 1rem; margin-bottom: 1rem; font-weight: 600; }
            .cancelled { border-left: 4px solid var(--warn); padding-left: .75rem; }
            .score { font-size: 2.25rem; font-weight: 700; }
            .formula, .meta, .empty { color: var(--muted); }
            .waiver { border-left: 4px solid var(--attested); padding-left: .5rem; }
            ul.findings { list-style: none; padding: 0; }
            li.finding { border: 1px solid var(--border); border-left-width: 6px; border-radius: 6px;
              padding: .5rem .75rem; margin: .5rem 0; background: var(--panel); }
            .badge { display: inline-block; min-width: 9.5rem; font-weight: 700; }
            .severity { text-transform: uppercase; font-size: 12px; color: var(--muted); margin: 0 .5rem; }
            .message { margin: .25rem 0; }
            summary { cursor: pointer; color: var(--muted); }
            .status-pass { color: var(--pass); } li.status-pass { border-left-color: var(--pass); }
            .status-fail { color: var(--fail); } li.status-fail { border-left-color: var(--fail); }
            .status-warn { color: var(--warn); } li.status-warn { border-left-color: var(--warn); }
            .status-unknown { color: var(--unknown); } li.status-unknown { border-left-color: var(--unknown); }
            .status-attested { color: var(--attested); } li.status-attested { border-left-color: var(--attested); }
            .status-not-applicable { color: var(--na); } li.status-not-applicable { border-left-color: var(--na); }
            li.finding .title, li.finding .message { color: var(--fg); }
            """;

    private final OutputRedaction redaction;

    public HtmlReportWriter() {
        this(null);
    }

    /** @param redactor secrets to blank out of the output; may be null */
    public HtmlReportWriter(SecretRedactor redactor) {
        this.redaction = OutputRedaction.of(redactor);
    }

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        StringBuilder html = new StringBuilder(16384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"")
                .append(HtmlText.escape(CONTENT_SECURITY_POLICY)).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<title>").append(report.demo() ? "DEMO \u2014 " : "")
                .append("Maintainer hardening report</title>\n<style>\n").append(STYLE).append("</style>\n")
                .append("</head>\n<body>\n");
        header(html, report);
        summary(html, report);
        for (Map.Entry<Stage, List<Finding>> stage : ChecklistOrder.byStage(report.findings()).entrySet()) {
            stage(html, stage.getKey(), stage.getValue());
        }
        playbook(html, IncidentPlaybook.from(report.findings()));
        requests(html, report.metadata());
        html.append("</body>\n</html>\n");
        // Whole-document pass as well: markup added here later is covered too.
        out.write(redaction.clean(html.toString()).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private void header(StringBuilder html, AuditReport report) {
        html.append("<header>\n");
        if (report.demo()) {
            html.append("<div class=\"demo-banner\" role=\"note\">DEMO REPORT \u2014 produced from the bundled demo "
                    + "world: a fictional maintainer and recorded API responses. Nothing in it describes a real "
                    + "account.</div>\n");
        }
        html.append("<h1>Maintainer hardening report</h1>\n<p class=\"meta\">Generated ")
                .append(text(report.generatedAt().toString())).append(" by ").append(text(report.tool().name()))
                .append(' ').append(text(report.tool().version())).append(" \u00b7 ")
                .append(report.metadata().checksRun().size()).append(" checks run in ")
                .append(report.metadata().durationMillis()).append(" ms</p>\n");
        html.append("<p>Targets: ");
        if (report.targets().isEmpty()) {
            html.append("none");
        }
        for (int i = 0; i < report.targets().size(); i++) {
            html.append(i == 0 ? "" : ", ").append("<code>").append(text(report.targets().get(i))).append("</code>");
        }
        html.append("</p>\n");
        if (report.metadata().cancelled()) {
            html.append("<p class=\"cancelled\"><strong>Cancelled:</strong> checks that had not finished are "
                    + "reported as UNKNOWN.</p>\n");
        }
        html.append("</header>\n");
    }

    private void summary(StringBuilder html, AuditReport report) {
        html.append("<section id=\"score\">\n<h2>Score</h2>\n<p><span class=\"score\">").append(report.score())
                .append("</span> / 100</p>\n<p class=\"formula\">").append(text(Score.formulaSummary()))
                .append("</p>\n</section>\n");
        html.append("<section id=\"summary\">\n<h2>Summary</h2>\n<table>\n<thead><tr><th>Status</th>"
                + "<th>Findings</th></tr></thead>\n<tbody>\n");
        for (Status status : ChecklistOrder.statuses()) {
            html.append("<tr><td>").append(badge(status)).append("</td><td class=\"num\">")
                    .append(report.summary().getOrDefault(status, 0)).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private void stage(StringBuilder html, Stage stage, List<Finding> findings) {
        html.append("<section id=\"stage-").append(stage.id()).append("\">\n<h2>")
                .append(text(Character.toUpperCase(stage.id().charAt(0)) + stage.id().substring(1)))
                .append(" \u2014 ").append(text(stage.description())).append("</h2>\n");
        if (findings.isEmpty()) {
            html.append("<p class=\"empty\">No items in this stage.</p>\n</section>\n");
            return;
        }
        html.append("<ul class=\"findings\">\n");
        for (Finding f : findings) {
            finding(html, f);
        }
        html.append("</ul>\n</section>\n");
    }

    private void finding(StringBuilder html, Finding f) {
        html.append("<li class=\"finding ").append(StatusDisplay.cssClass(f.status())).append("\">\n<div>")
                .append(badge(f.status())).append("<span class=\"severity\">").append(text(f.severity().id()))
                .append("</span><strong class=\"title\">").append(text(f.title())).append("</strong> <code>")
                .append(text(f.subject())).append("</code></div>\n<p class=\"message\">").append(text(f.message()))
                .append("</p>\n");
        if (!f.needed().isEmpty()) {
            html.append("<p class=\"needed\"><strong>Needed:</strong> ").append(text(f.needed())).append("</p>\n");
        }
        f.waiver().ifPresent(w -> html.append("<p class=\"waiver\">").append(text(WaiverText.describe(w)))
                .append("</p>\n"));
        // What needs action opens by default; the rest stays folded to keep the list short.
        html.append(f.status().needsAction() ? "<details open>" : "<details>")
                .append("<summary>Details: <code>").append(text(f.check())).append("</code></summary>\n");
        if (!f.evidence().isEmpty()) {
            html.append("<h3>Evidence</h3>\n<table>\n<thead><tr><th>What</th><th>Value</th><th>Source</th>"
                    + "</tr></thead>\n<tbody>\n");
            for (Evidence e : f.evidence()) {
                html.append("<tr><td>").append(text(e.label())).append("</td><td>").append(text(e.value()))
                        .append("</td><td>").append(text(e.source())).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        if (!f.remediation().isEmpty()) {
            html.append("<h3>Remediation</h3>\n<ol>\n");
            for (RemediationStep step : f.remediation()) {
                html.append("<li>").append(text(step.text()));
                if (!step.url().isEmpty()) {
                    html.append(" \u2014 ").append(link(step.url(), step.url()));
                }
                if (!step.command().isEmpty()) {
                    html.append(" \u2014 run <code>").append(text(step.command())).append("</code>");
                }
                html.append("</li>\n");
            }
            html.append("</ol>\n");
        }
        if (!f.references().isEmpty()) {
            html.append("<h3>References</h3>\n<ul>\n");
            for (Reference r : f.references()) {
                html.append("<li>").append(link(r.title(), r.url())).append("</li>\n");
            }
            html.append("</ul>\n");
        }
        if (f.evidence().isEmpty() && f.remediation().isEmpty() && f.references().isEmpty()) {
            html.append("<p class=\"empty\">No evidence, remediation or references recorded.</p>\n");
        }
        html.append("</details>\n</li>\n");
    }

    private void playbook(StringBuilder html, IncidentPlaybook playbook) {
        html.append("<section id=\"playbook\">\n<h2>Incident playbook</h2>\n");
        if (playbook.isEmpty()) {
            html.append("<p class=\"empty\">The audit found no packages and no credentials to list here.</p>\n</section>\n");
            return;
        }
        html.append("<p>If a release turns out to be malicious, in this order:</p>\n");
        steps(html, playbook.steps());
        if (!playbook.packages().isEmpty()) {
            html.append("<h3>Who can publish</h3>\n<table>\n<thead><tr><th>Package</th><th>Publishers</th></tr></thead>\n<tbody>\n");
            for (PlaybookPackage p : playbook.packages()) {
                html.append("<tr><td><code>").append(text(p.subject())).append("</code></td><td>")
                        .append(text(String.join(", ", p.publishers()))).append("</td></tr>\n");
            }
            html.append("</tbody>\n</table>\n");
        }
        if (!playbook.credentials().isEmpty()) {
            html.append("<h3>Credentials to rotate (those that can publish first)</h3>\n<ul class=\"findings\">\n");
            for (PlaybookCredential c : playbook.credentials()) {
                html.append("<li class=\"finding ").append(c.canPublish() ? "status-fail" : "status-warn").append("\">\n<div><strong>")
                        .append(text(c.description())).append("</strong> <code>").append(text(c.fingerprint())).append("</code>")
                        .append(c.canPublish() ? " \u2014 can publish" : "").append("</div>\n<table>\n<tbody>\n")
                        .append("<tr><td>Where</td><td>").append(text(String.join("; ", c.locations()))).append("</td></tr>\n");
                if (!c.target().isEmpty()) {
                    html.append("<tr><td>For</td><td>").append(text(c.target())).append("</td></tr>\n");
                }
                html.append("<tr><td>What it can do</td><td>").append(text(c.capability())).append("</td></tr>\n")
                        .append("<tr><td>Found by</td><td><code>").append(text(c.foundBy())).append("</code></td></tr>\n")
                        .append("</tbody>\n</table>\n");
                steps(html, c.steps());
                html.append("</li>\n");
            }
            html.append("</ul>\n");
        }
        html.append("</section>\n");
    }

    private void steps(StringBuilder html, List<RemediationStep> steps) {
        html.append("<ol>\n");
        for (RemediationStep step : steps) {
            html.append("<li>").append(text(step.text()));
            if (!step.url().isEmpty()) {
                html.append(" \u2014 ").append(link(step.url(), step.url()));
            }
            if (!step.command().isEmpty()) {
                html.append(" \u2014 run <code>").append(text(step.command())).append("</code>");
            }
            html.append("</li>\n");
        }
        html.append("</ol>\n");
    }

    private void requests(StringBuilder html, ReportMetadata meta) {
        html.append("<section id=\"requests\">\n<h2>Requests</h2>\n");
        if (meta.requestsByHost().isEmpty()) {
            html.append("<p class=\"empty\">No requests were made.</p>\n</section>\n");
            return;
        }
        html.append("<table>\n<thead><tr><th>Host</th><th>Requests</th><th>Network</th><th>Cache hits</th>"
                + "<th>Not modified</th><th>Retries</th><th>Errors</th><th>Bytes</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, HostStats> host : meta.requestsByHost().entrySet()) {
            HostStats s = host.getValue();
            html.append("<tr><td>").append(text(host.getKey())).append("</td>");
            for (long n : new long[] {s.requests(), s.networkRequests(), s.cacheHits(), s.notModified(),
                    s.retries(), s.errors(), s.bytes()}) {
                html.append("<td class=\"num\">").append(n).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    /** Icon and name together: the status must not depend on colour or on the symbol alone. */
    private static String badge(Status status) {
        return "<span class=\"badge " + StatusDisplay.cssClass(status) + "\"><span aria-hidden=\"true\">"
                + StatusDisplay.icon(status) + "</span> " + status.name() + "</span>";
    }

    /** An anchor for a safe http(s) URL; anything else is shown as text, never as a link. */
    private String link(String label, String url) {
        String cleanUrl = redaction.clean(url);
        Optional<String> safe = SafeUrl.http(cleanUrl);
        if (safe.isEmpty()) {
            return text(label) + (label.equals(url) || url.isBlank() ? "" : " (" + text(url) + ")");
        }
        return "<a href=\"" + HtmlText.escape(safe.get()) + "\" rel=\"noopener noreferrer\">" + text(label) + "</a>";
    }

    private String text(String value) {
        return HtmlText.escape(redaction.clean(value));
    }
}
