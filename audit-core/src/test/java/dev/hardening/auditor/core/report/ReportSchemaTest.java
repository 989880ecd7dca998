package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The JSON report schema accepts every report we write and rejects what breaks the contract. */
class ReportSchemaTest {

    @ParameterizedTest(name = "demo={0}")
    @ValueSource(booleans = {true, false})
    void everyWrittenReportIsValid(boolean demo) {
        String json = new JsonReportWriter().writeToString(ReportFixtures.report(demo));

        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void anEmptyCancelledReportIsValid() {
        String json = new JsonReportWriter().writeToString(ReportFixtures.cancelledEmpty());

        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
    }

    static Stream<Arguments> breakages() {
        return Stream.of(
                Arguments.of("unknown status", (Consumer<ObjectNode>) r -> finding(r).put("status", "BROKEN")),
                Arguments.of("lower-case status", (Consumer<ObjectNode>) r -> finding(r).put("status", "fail")),
                Arguments.of("upper-case severity", (Consumer<ObjectNode>) r -> finding(r).put("severity", "HIGH")),
                Arguments.of("unknown stage", (Consumer<ObjectNode>) r -> finding(r).put("stage", "deploy")),
                Arguments.of("missing finding field", (Consumer<ObjectNode>) r -> finding(r).remove("message")),
                Arguments.of("missing top-level field", (Consumer<ObjectNode>) r -> r.remove("score")),
                Arguments.of("missing summary status", (Consumer<ObjectNode>) r -> summary(r).remove("ATTESTED")),
                Arguments.of("score as string", (Consumer<ObjectNode>) r -> r.put("score", "87")),
                Arguments.of("score above 100", (Consumer<ObjectNode>) r -> r.put("score", 101)),
                Arguments.of("demo as string", (Consumer<ObjectNode>) r -> r.put("demo", "true")),
                Arguments.of("evidence value as number",
                        (Consumer<ObjectNode>) r -> ((ObjectNode) finding(r).get("evidence").get(0)).put("value", 1)),
                Arguments.of("extra finding field", (Consumer<ObjectNode>) r -> finding(r).put("colour", "red")),
                Arguments.of("extra top-level field", (Consumer<ObjectNode>) r -> r.put("comment", "x")),
                Arguments.of("other schema version", (Consumer<ObjectNode>) r -> r.put("schemaVersion", 2)),
                Arguments.of("local time without zone",
                        (Consumer<ObjectNode>) r -> r.put("generatedAt", "2025-03-01T10:15:30")),
                Arguments.of("negative request count", (Consumer<ObjectNode>) r -> ((ObjectNode) r.get("metadata")
                        .get("requestsByHost").get("api.github.com")).put("requests", -1)),
                Arguments.of("check id not of the form platform.name",
                        (Consumer<ObjectNode>) r -> finding(r).put("check", "Github 2FA")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("breakages")
    void rejectsAReportThatBreaksTheContract(String breakage, Consumer<ObjectNode> breakIt) throws IOException {
        ObjectNode report = (ObjectNode) JsonSchemas.MAPPER.readTree(
                new JsonReportWriter().writeToString(ReportFixtures.report(true)));
        breakIt.accept(report);

        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, report)).as(breakage).isNotEmpty();
    }

    private static ObjectNode finding(ObjectNode report) {
        JsonNode findings = report.get("findings");
        return (ObjectNode) ((ArrayNode) findings).get(0);
    }

    private static ObjectNode summary(ObjectNode report) {
        return (ObjectNode) report.get("summary");
    }
}
