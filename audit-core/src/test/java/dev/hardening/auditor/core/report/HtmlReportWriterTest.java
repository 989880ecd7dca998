package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTML report is one self-contained file: it loads nothing, runs nothing, and shows untrusted
 * text as text. Links to references are allowed, as plain anchors to http(s) URLs.
 */
class HtmlReportWriterTest {
    private static final Pattern TAG = Pattern.compile("<([a-zA-Z][a-zA-Z0-9-]*)([^<>]*)>");
    private static final Pattern HREF = Pattern.compile("\\shref=\"([^\"]*)\"");

    private final HtmlReportWriter writer = new HtmlReportWriter();

    @ParameterizedTest(name = "demo={0}")
    @ValueSource(booleans = {true, false})
    void loadsNoResourceAndRunsNoScript(boolean demo) {
        String html = writer.writeToString(ReportFixtures.report(demo));
        String lower = html.toLowerCase(Locale.ROOT);

        for (String forbidden : List.of("<script", "<link", "<img", "<iframe", "<object", "<embed", "<base",
                "<form", "<svg", "<video", "<audio", "<source", "src=", "srcset=", "url(", "@import", "@font-face",
                " on" + "click=", " on" + "load=", " on" + "error=")) {
            assertThat(lower).as(forbidden).doesNotContain(forbidden);
        }
    }

    @Test
    void onlyAnchorsCarryHrefsAndOnlyToHttpUrls() {
        String html = writer.writeToString(ReportFixtures.report(true));

        Matcher tags = TAG.matcher(html);
        int anchors = 0;
        while (tags.find()) {
            String name = tags.group(1).toLowerCase(Locale.ROOT);
            Matcher href = HREF.matcher(tags.group(2));
            if (href.find()) {
                assertThat(name).as(tags.group()).isEqualTo("a");
                assertThat(href.group(1)).as(tags.group()).startsWith("https://");
                assertThat(tags.group(2)).contains("rel=\"noopener noreferrer\"");
                anchors++;
            }
        }
        // The settings page and the documentation reference; the javascript: ones are text.
        assertThat(anchors).isEqualTo(2);
        assertThat(html).contains("Do not follow this link \u2014 javascript:alert(1)");
    }

    @Test
    void declaresARestrictiveContentSecurityPolicy() {
        String html = writer.writeToString(ReportFixtures.report(true));

        assertThat(html).contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; "
                + "style-src &#39;unsafe-inline&#39;\">");
        assertThat(html.indexOf("Content-Security-Policy")).isLessThan(html.indexOf("<style>"));
        assertThat(html).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">");
    }

    @Test
    void escapesUntrustedTextEverywhere() {
        String html = writer.writeToString(ReportFixtures.report(true));
        String escaped = "&lt;script&gt;alert(1)&lt;/script&gt;";

        assertThat(html).doesNotContain(ReportFixtures.SCRIPT).doesNotContain("<b>bold</b>")
                .doesNotContain("<a href=x>");
        assertThat(html).contains("<code>github:octo" + escaped + "</code>")
                .contains("&amp; &lt;b&gt;bold&lt;/b&gt; " + escaped + "</p>")
                .contains("<td>false " + escaped + "</td>")
                .contains("Evil &lt;a href=x&gt; (javascript:alert(1))");
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void showsEveryStatusWithIconAndText(Status status) {
        String html = writer.writeToString(ReportFixtures.report(false,
                List.of(ReportFixtures.finding(status, Severity.MEDIUM))));

        String badge = "<span class=\"badge " + StatusDisplay.cssClass(status) + "\"><span aria-hidden=\"true\">"
                + StatusDisplay.icon(status) + "</span> " + status.name() + "</span>";
        assertThat(html).contains("<li class=\"finding " + StatusDisplay.cssClass(status) + "\">\n<div>" + badge);
    }

    @Test
    void showsTheDemoBannerOnlyForTheDemo() {
        assertThat(writer.writeToString(ReportFixtures.report(true)))
                .contains("<div class=\"demo-banner\" role=\"note\">DEMO REPORT").contains("<title>DEMO \u2014 ");
        assertThat(writer.writeToString(ReportFixtures.report(false))).doesNotContain("DEMO");
    }

    @Test
    void showsScoreSummaryAndStagesInCycleOrder() {
        AuditReport report = ReportFixtures.report(true);
        String html = writer.writeToString(report);

        assertThat(html).contains("<span class=\"score\">" + report.score() + "</span> / 100", "docs/SCORE.md");
        assertThat(html).containsSubsequence("id=\"stage-recon\"", "id=\"stage-evaluate\"", "id=\"stage-fortify\"",
                "id=\"stage-limit\"", "id=\"stage-expose\"", "id=\"stage-exercise\"", "id=\"requests\"");
    }

    @Test
    void putsEvidenceRemediationAndReferencesInDetailsOpenForWhatNeedsAction() {
        String html = writer.writeToString(ReportFixtures.report(true));

        assertThat(html).containsSubsequence("<details open><summary>Details: <code>github.2fa</code></summary>",
                "<h3>Evidence</h3>", "<td>two_factor_authentication</td>", "<h3>Remediation</h3>", "<ol>",
                "<code>gh auth status `--show-token` | grep -v x</code>", "<h3>References</h3>", "</details>");
        assertThat(html).contains("<details><summary>Details: <code>github.signing-keys</code></summary>");
    }

    @Test
    void unknownSaysWhatIsNeeded() {
        String html = writer.writeToString(ReportFixtures.report(true));

        assertThat(html).contains("<p class=\"needed\"><strong>Needed:</strong> needs an npm token (NPM_TOKEN) "
                + "with read access</p>");
    }

    @Test
    void followsTheReadersColourScheme() {
        assertThat(writer.writeToString(ReportFixtures.report(true)))
                .contains("@media (prefers-color-scheme: dark)", "<meta name=\"color-scheme\" content=\"light dark\">");
    }
}
