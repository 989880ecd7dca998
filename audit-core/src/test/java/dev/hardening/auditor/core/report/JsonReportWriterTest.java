package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON contract of DESIGN.md, field by field, and the round trip through the reader. */
class JsonReportWriterTest {
    private final JsonReportWriter writer = new JsonReportWriter();

    @Test
    void topLevelFieldsAreTheContractInOrder() throws IOException {
        JsonNode json = parse(ReportFixtures.report(true));

        assertThat(names(json)).containsExactly("schemaVersion", "tool", "generatedAt", "demo", "targets",
                "score", "summary", "findings", "metadata", "playbook");
        assertThat(json.get("schemaVersion").intValue()).isEqualTo(1);
        assertThat(names(json.get("tool"))).containsExactly("name", "version");
        assertThat(json.get("generatedAt").textValue()).isEqualTo("2025-03-01T10:15:30.123Z");
        assertThat(json.get("demo").booleanValue()).isTrue();
        assertThat(json.get("score").intValue()).isEqualTo(Score.of(ReportFixtures.findings()));
        assertThat(names(json.get("summary")))
                .containsExactly("PASS", "FAIL", "WARN", "UNKNOWN", "ATTESTED", "NOT_APPLICABLE");
        assertThat(json.get("summary").get("FAIL").intValue()).isEqualTo(2);
    }

    @Test
    void findingFieldsAreTheContractWithLowerCaseSeverityAndStage() throws IOException {
        JsonNode finding = parse(ReportFixtures.report(true)).get("findings").get(0);

        assertThat(names(finding)).containsExactly("check", "status", "severity", "stage", "subject", "title",
                "message", "needed", "evidence", "remediation", "references");
        assertThat(finding.get("status").textValue()).isEqualTo("FAIL");
        assertThat(finding.get("severity").textValue()).isEqualTo("high");
        assertThat(finding.get("stage").textValue()).isEqualTo("evaluate");
        assertThat(names(finding.get("evidence").get(0))).containsExactly("label", "value", "source");
        assertThat(names(finding.get("remediation").get(0))).containsExactly("text", "url", "command");
        assertThat(names(finding.get("references").get(0))).containsExactly("title", "url");
        // Untrusted text is data in JSON: kept exactly, escaped only as JSON requires.
        assertThat(finding.get("subject").textValue()).isEqualTo("github:octo" + ReportFixtures.SCRIPT);
    }

    @Test
    void metadataCarriesTimingAndRequestsPerHostSortedByHost() throws IOException {
        JsonNode metadata = parse(ReportFixtures.report(false)).get("metadata");

        assertThat(names(metadata)).containsExactly("startedAt", "finishedAt", "durationMillis", "cancelled",
                "checksRun", "requestsByHost");
        assertThat(metadata.get("durationMillis").longValue()).isEqualTo(29_500);
        assertThat(names(metadata.get("requestsByHost"))).containsExactly("api.github.com", "registry.npmjs.org");
        JsonNode github = metadata.get("requestsByHost").get("api.github.com");
        assertThat(names(github)).containsExactly("requests", "networkRequests", "cacheHits", "notModified",
                "retries", "errors", "bytes");
        assertThat(github.get("notModified").longValue()).isEqualTo(5);
        assertThat(github.get("bytes").longValue()).isEqualTo(81_920);
    }

    @Test
    void isPrettyPrintedWithLfLineEnds() {
        String out = writer.writeToString(ReportFixtures.report(true));

        assertThat(out).startsWith("{\n  \"schemaVersion\": 1,\n  \"tool\": {\n    \"name\": ")
                .doesNotContain("\r").endsWith("}\n");
    }

    @ParameterizedTest(name = "demo={0}")
    @ValueSource(booleans = {true, false})
    void roundTripsThroughTheReader(boolean demo) throws IOException {
        AuditReport report = ReportFixtures.report(demo);

        AuditReport read = new JsonReportReader().read(writer.writeToString(report));

        assertThat(read).isEqualTo(report);
    }

    @Test
    void roundTripsAnEmptyCancelledReport() throws IOException {
        AuditReport report = ReportFixtures.cancelledEmpty();

        assertThat(new JsonReportReader().read(writer.writeToString(report))).isEqualTo(report);
    }

    private JsonNode parse(AuditReport report) throws IOException {
        return JsonSchemas.MAPPER.readTree(writer.writeToString(report));
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
