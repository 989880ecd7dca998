package dev.hardening.auditor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Status;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The parts of a finding the JSON and SARIF writers both write, with the same field names: evidence,
 * remediation steps, references, the status counts and lists of strings.
 */
final class ReportJsonFields {
    private ReportJsonFields() {
    }

    static void evidence(JsonGenerator json, String field, List<Evidence> evidence) throws IOException {
        json.writeArrayFieldStart(field);
        for (Evidence e : evidence) {
            json.writeStartObject();
            json.writeStringField("label", e.label());
            json.writeStringField("value", e.value());
            json.writeStringField("source", e.source());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void steps(JsonGenerator json, String field, List<RemediationStep> steps) throws IOException {
        json.writeArrayFieldStart(field);
        for (RemediationStep step : steps) {
            json.writeStartObject();
            json.writeStringField("text", step.text());
            json.writeStringField("url", step.url());
            json.writeStringField("command", step.command());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    static void references(JsonGenerator json, String field, List<Reference> references) throws IOException {
        json.writeArrayFieldStart(field);
        for (Reference reference : references) {
            json.writeStartObject();
            json.writeStringField("title", reference.title());
            json.writeStringField("url", reference.url());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    /** {@code "summary": {"PASS": n, ...}} with every status, zero included. */
    static void summary(JsonGenerator json, Map<Status, Integer> summary) throws IOException {
        json.writeObjectFieldStart("summary");
        for (Status status : Status.values()) {
            json.writeNumberField(status.name(), summary.getOrDefault(status, 0));
        }
        json.writeEndObject();
    }

    static void strings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
