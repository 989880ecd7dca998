package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.model.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Reading a report back: what it accepts, and the message it gives for what it refuses. */
class JsonReportReaderTest {
    private final JsonReportReader reader = new JsonReportReader();

    @Test
    void readsFromAStream() throws IOException {
        String json = new JsonReportWriter().writeToString(ReportFixtures.report(true));

        AuditReport read = reader.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

        assertThat(read.findings()).hasSize(ReportFixtures.findings().size());
        assertThat(read.summary().get(Status.FAIL)).isEqualTo(2);
    }

    @Test
    void refusesANewerSchemaVersionAndSaysWhatToDo() {
        String json = edited(r -> r.put("schemaVersion", 2));

        assertThatThrownBy(() -> reader.read(json))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("unsupported report schemaVersion 2")
                .hasMessageContaining("reads schemaVersion 1")
                .hasMessageContaining("upgrade");
    }

    @Test
    void refusesAnOlderSchemaVersion() {
        assertThatThrownBy(() -> reader.read(edited(r -> r.put("schemaVersion", 0))))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageContaining("unsupported report schemaVersion 0");
    }

    @Test
    void refusesJsonThatIsNotAReport() {
        assertThatThrownBy(() -> reader.read("{\"name\": \"package.json\"}"))
                .isInstanceOf(InvalidReportException.class).hasMessage("not a report: no schemaVersion field");
        assertThatThrownBy(() -> reader.read("[1, 2]"))
                .isInstanceOf(InvalidReportException.class).hasMessageContaining("not a JSON object");
        assertThatThrownBy(() -> reader.read(""))
                .isInstanceOf(InvalidReportException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> reader.read("{\"schemaVersion\": 1,"))
                .isInstanceOf(InvalidReportException.class).hasMessageContaining("invalid JSON");
    }

    @Test
    void namesTheFieldThatIsWrong() {
        assertThatThrownBy(() -> reader.read(edited(r -> r.put("schemaVersion", "1"))))
                .hasMessage("$.schemaVersion: expected an integer, found a string");
        assertThatThrownBy(() -> reader.read(edited(r -> finding(r).put("status", "BROKEN"))))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageStartingWith("$.findings[0].status: unknown status 'BROKEN'");
        assertThatThrownBy(() -> reader.read(edited(r -> finding(r).put("severity", "HIGH"))))
                .hasMessageStartingWith("$.findings[0].severity: unknown severity 'HIGH'");
        assertThatThrownBy(() -> reader.read(edited(r -> finding(r).remove("message"))))
                .hasMessage("$.findings[0].message: missing");
        assertThatThrownBy(() -> reader.read(edited(r -> r.put("score", "87"))))
                .hasMessage("$.score: expected an integer, found a string");
        assertThatThrownBy(() -> reader.read(edited(r -> r.put("demo", 1))))
                .hasMessage("$.demo: expected true or false, found the number 1");
        assertThatThrownBy(() -> reader.read(edited(r -> r.put("generatedAt", "yesterday"))))
                .hasMessageStartingWith("$.generatedAt: expected an ISO-8601 UTC time");
        assertThatThrownBy(() -> reader.read(edited(r -> ((ObjectNode) r.get("metadata").get("requestsByHost")
                .get("api.github.com")).put("bytes", -1))))
                .hasMessageStartingWith("$.metadata.requestsByHost['api.github.com'].bytes: expected a count");
    }

    @Test
    void refusesDuplicateFieldsAndTrailingContent() {
        String json = new JsonReportWriter().writeToString(ReportFixtures.report(true));

        assertThatThrownBy(() -> reader.read(json.replaceFirst("\"demo\": true", "\"demo\": true, \"demo\": false")))
                .isInstanceOf(InvalidReportException.class).hasMessageContaining("demo");
        assertThatThrownBy(() -> reader.read(json + "{}")).isInstanceOf(InvalidReportException.class);
    }

    @Test
    void ignoresFieldsAddedLaterWithinTheSameSchemaVersion() throws IOException {
        AuditReport report = ReportFixtures.report(true);

        AuditReport read = reader.read(edited(r -> {
            r.put("policy", "team.yaml");
            finding(r).put("waivedUntil", "2026-01-01");
        }));

        assertThat(read).isEqualTo(report);
    }

    private static String edited(Consumer<ObjectNode> edit) {
        try {
            ObjectNode root = (ObjectNode) JsonSchemas.MAPPER.readTree(
                    new JsonReportWriter().writeToString(ReportFixtures.report(true)));
            edit.accept(root);
            return JsonSchemas.MAPPER.writeValueAsString(root);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static ObjectNode finding(ObjectNode report) {
        return (ObjectNode) report.get("findings").get(0);
    }
}
