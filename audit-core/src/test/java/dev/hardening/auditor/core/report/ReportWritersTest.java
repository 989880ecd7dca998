package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.model.Finding;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** What every format promises, checked over all four formats and a demo and a non-demo report. */
class ReportWritersTest {

    static Stream<Arguments> formatsAndReports() {
        return Stream.of(ReportFormat.values())
                .flatMap(format -> Stream.of(true, false).map(demo -> Arguments.of(format, demo)));
    }

    /** How each format says "this is the demo world". */
    private static final Map<ReportFormat, String> DEMO_MARKER = Map.of(
            ReportFormat.MD, "**DEMO REPORT**",
            ReportFormat.HTML, "<div class=\"demo-banner\" role=\"note\">DEMO REPORT",
            ReportFormat.JSON, "\"demo\": true",
            ReportFormat.SARIF, "\"demo\": true");

    @ParameterizedTest(name = "{0}, demo={1}")
    @MethodSource("formatsAndReports")
    void sameReportGivesTheSameBytes(ReportFormat format, boolean demo) throws IOException {
        AuditReport report = ReportFixtures.report(demo);

        assertThat(bytes(format, report)).isEqualTo(bytes(format, report));
    }

    @ParameterizedTest(name = "{0}, demo={1}")
    @MethodSource("formatsAndReports")
    void outputIsUtf8AndKeepsUnicode(ReportFormat format, boolean demo) throws IOException {
        byte[] out = bytes(format, ReportFixtures.report(demo));

        String text = strictUtf8(out);
        assertThat(text).contains("期限切れ間近", "🔐", "exämple.org").endsWith("\n");
    }

    @ParameterizedTest(name = "{0}, demo={1}")
    @MethodSource("formatsAndReports")
    void saysDemoExactlyWhenTheReportIsADemo(ReportFormat format, boolean demo) {
        String out = format.writer().writeToString(ReportFixtures.report(demo));

        if (demo) {
            assertThat(out).contains(DEMO_MARKER.get(format));
        } else {
            assertThat(out).doesNotContain(DEMO_MARKER.get(format)).doesNotContain("DEMO REPORT");
        }
    }

    @ParameterizedTest(name = "{0}, demo={1}")
    @MethodSource("formatsAndReports")
    void mentionsEveryCheckOfTheReport(ReportFormat format, boolean demo) {
        AuditReport report = ReportFixtures.report(demo);
        String out = format.writer().writeToString(report);

        for (Finding f : report.findings()) {
            assertThat(out).contains(f.check());
        }
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void writesAnEmptyCancelledReport(ReportFormat format) {
        String out = format.writer().writeToString(ReportFixtures.cancelledEmpty());

        assertThat(out).isNotBlank();
    }

    @ParameterizedTest
    @EnumSource(ReportFormat.class)
    void leavesTheStreamOpenForTheCaller(ReportFormat format) throws IOException {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        format.writer().write(ReportFixtures.report(true), out);

        assertThat(closed[0]).isFalse();
        assertThat(out.size()).isPositive();
    }

    @Test
    void formatsMapToTheirWriters() {
        assertThat(ReportFormat.MD.writer()).isInstanceOf(MarkdownReportWriter.class);
        assertThat(ReportFormat.JSON.writer()).isInstanceOf(JsonReportWriter.class);
        assertThat(ReportFormat.HTML.writer()).isInstanceOf(HtmlReportWriter.class);
        assertThat(ReportFormat.SARIF.writer()).isInstanceOf(SarifReportWriter.class);
    }

    @Test
    void parsesFormatNamesFromTheCommandLine() {
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MD);
        assertThat(ReportFormat.parse("markdown")).isEqualTo(ReportFormat.MD);
        assertThat(ReportFormat.parse(" JSON ")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.parse("html")).isEqualTo(ReportFormat.HTML);
        assertThat(ReportFormat.parse("sarif")).isEqualTo(ReportFormat.SARIF);
        assertThatThrownBy(() -> ReportFormat.parse("pdf"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("md, json, html or sarif");
    }

    private static byte[] bytes(ReportFormat format, AuditReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        format.writer(null, ReportFixtures.catalog()).write(report, out);
        return out.toByteArray();
    }

    private static String strictUtf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not valid UTF-8", e);
        }
    }
}
