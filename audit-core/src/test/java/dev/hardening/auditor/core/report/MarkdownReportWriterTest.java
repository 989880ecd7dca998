package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The Markdown checklist: checkbox semantics, order, and untrusted text kept inert. */
class MarkdownReportWriterTest {
    private final MarkdownReportWriter writer = new MarkdownReportWriter();

    @ParameterizedTest
    @EnumSource(Status.class)
    void ticksOnlyWhatIsDoneAndAlwaysSaysTheStatusInWords(Status status) {
        String md = writer.writeToString(ReportFixtures.report(false,
                List.of(ReportFixtures.finding(status, Severity.HIGH))));

        String item = lineContaining(md, "Title");
        boolean done = status == Status.PASS || status == Status.ATTESTED || status == Status.NOT_APPLICABLE;
        assertThat(item).startsWith(done ? "- [x] " : "- [ ] ")
                .contains("**" + status.name().replace("_", "\\_") + "**");
    }

    @Test
    void groupsByStageInTheOrderOfTheHardeningCycle() {
        String md = writer.writeToString(ReportFixtures.report(true));

        int previous = -1;
        for (Stage stage : Stage.values()) {
            String heading = "\n## " + Character.toUpperCase(stage.id().charAt(0)) + stage.id().substring(1) + " \u2014 ";
            int at = md.indexOf(heading);
            assertThat(at).as(stage.id()).isGreaterThan(previous);
            previous = at;
        }
    }

    @Test
    void withinAStageWhatNeedsActionComesFirst() {
        String md = writer.writeToString(ReportFixtures.report(true));

        assertThat(md.indexOf("**FAIL** \u00b7 high \u00b7 Turn on two")).isLessThan(md.indexOf("**ATTESTED**"));
    }

    @Test
    void headerHasTitleScoreWithFormulaPointerAndSummaryTable() {
        AuditReport report = ReportFixtures.report(true);
        String md = writer.writeToString(report);

        assertThat(md).startsWith("# Maintainer hardening checklist\n");
        assertThat(md).contains("## Score: " + report.score() + " / 100\n");
        assertThat(lineContaining(md, "score = round")).contains("docs/SCORE.md");
        assertThat(lineContaining(md, "- Generated: ")).as("a version is not an ordered-list marker mid-line")
                .endsWith(" by maintainer-hardening-auditor 0.1.0-test");
        assertThat(md).contains("| Status | Findings |\n|---|---:|\n| FAIL | 2 |\n| WARN | 2 |\n| UNKNOWN | 1 |\n"
                + "| ATTESTED | 1 |\n| PASS | 1 |\n| NOT\\_APPLICABLE | 1 |\n");
    }

    @Test
    void escapesUntrustedTextSoItCannotAddMarkupOrLinks() {
        String md = writer.writeToString(ReportFixtures.report(true));
        String item = lineContaining(md, "Two-factor authentication is off");

        assertThat(item).contains("\\*\\*octo\\*\\*", "\\[click\\](javascript:alert(1))", "\\&",
                "\\<b\\>bold\\</b\\>", "\\<script\\>alert(1)\\</script\\>");
        // No unescaped link syntax around a javascript: URL anywhere, and no raw HTML outside code spans.
        assertThat(md).doesNotContainPattern("(?<!\\\\)\\]\\(<?javascript:").doesNotContain("<b>")
                .doesNotContain("<javascript:");
    }

    @Test
    void subjectsAreCodeSpansWhoseContentIsLiteral() {
        String md = writer.writeToString(ReportFixtures.report(true));

        assertThat(md).contains("`github:octo<script>alert(1)</script>`", "`email:j***@exämple.org`");
    }

    @Test
    void lineBreaksInDataCannotStartHeadingsOrListItems() {
        String md = writer.writeToString(ReportFixtures.report(true));

        assertThat(lineContaining(md, "Not a heading"))
                .startsWith("- [ ] **UNKNOWN**")
                .contains("\\# Not a heading 1. not a list \\| pipe  - nor a bullet");
        assertThat(md.lines().filter(l -> l.startsWith("#")))
                .allMatch(l -> l.startsWith("# Maintainer") || l.startsWith("## "));
    }

    @Test
    void escapesTheStartOfDataThatOpensAListItem() {
        assertThat(MarkdownText.escape("# heading")).isEqualTo("\\# heading");
        assertThat(MarkdownText.escape("- bullet")).isEqualTo("\\- bullet");
        assertThat(MarkdownText.escape("12. item")).isEqualTo("12\\. item");
        assertThat(MarkdownText.escape("  > quote\n")).isEqualTo("\\> quote");
        assertThat(MarkdownText.escape("2025-03-01 a-b")).isEqualTo("2025-03-01 a-b");
    }

    @Test
    void codeSpansUseALongerFenceThanAnyBacktickRunInside() {
        assertThat(MarkdownText.code("plain")).isEqualTo("`plain`");
        assertThat(MarkdownText.code("a `b` c")).isEqualTo("``a `b` c``");
        assertThat(MarkdownText.code("`edge``")).isEqualTo("``` `edge`` ```");
    }

    @Test
    void unknownSaysWhatIsNeeded() {
        String md = writer.writeToString(ReportFixtures.report(true));

        assertThat(md).contains("  - Needed: needs an npm token (NPM\\_TOKEN) with read access\n");
    }

    @Test
    void evidenceIsBulletedWithItsSource() {
        String md = writer.writeToString(ReportFixtures.report(true));

        assertThat(md).contains("  - Evidence:\n    - two\\_factor\\_authentication: false \\<script\\>alert(1)\\</script\\>"
                + " (source: GET /user)\n    - login: octo\\_cat\\* (source: GET /user)\n");
    }

    @Test
    void remediationIsNumberedWithLinksAndCommandsInCodeSpans() {
        String md = writer.writeToString(ReportFixtures.report(true));

        assertThat(md).contains("  - Remediation:\n"
                + "    1. Open the security settings and enable 2FA \u2014 <https://github.com/settings/security>\n"
                + "    2. Check the token scopes afterwards \u2014 run ``gh auth status `--show-token` | grep -v x``\n"
                + "    3. Do not follow this link \u2014 javascript:alert(1)\n");
    }

    @Test
    void referencesAreLinksOnlyForHttpUrls() {
        String md = writer.writeToString(ReportFixtures.report(true));

        assertThat(lineContaining(md, "  - References: ")).isEqualTo("  - References: "
                + "[GitHub Docs: configuring 2FA](<https://docs.github.com/en/authentication/"
                + "securing-your-account-with-two-factor-authentication-2fa>); "
                + "Evil \\<a href=x\\> (javascript:alert(1))");
    }

    @Test
    void saysWhenAStageHasNoItemsAndWhenTheAuditWasCancelled() {
        String md = writer.writeToString(ReportFixtures.cancelledEmpty());

        assertThat(md).contains("No items in this stage.", "**Cancelled**", "No requests were made.");
    }

    @Test
    void listsRequestsPerHost() {
        String md = writer.writeToString(ReportFixtures.report(true));

        assertThat(md).contains("| api.github.com | 12 | 10 | 2 | 5 | 0 | 1 | 81920 |\n");
    }

    @Test
    void keepsOneLinePerItemWhateverTheData() {
        Finding multiLine = new Finding("test.check", Status.FAIL, Severity.LOW, Stage.RECON, "a\nb", "T\r\nitle",
                "one\ntwo\u2028three", "", List.of(), List.of(), List.of());

        String item = lineContaining(writer.writeToString(ReportFixtures.report(false, List.of(multiLine))), "**FAIL**");

        assertThat(item).contains("`a b`", "T  itle", "one two three");
    }

    private static String lineContaining(String text, String part) {
        return text.lines().filter(l -> l.contains(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no line contains " + part + " in\n" + text));
    }
}
