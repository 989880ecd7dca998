package dev.hardening.auditor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.playbook.IncidentPlaybook;
import dev.hardening.auditor.core.playbook.PlaybookCredential;
import dev.hardening.auditor.core.playbook.PlaybookPackage;
import dev.hardening.auditor.core.model.Waiver;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * The JSON report, the contract others script against (docs/REPORTS.md, schema/report.schema.json).
 * Every field is written by name here, never by reflection over the records, so renaming a Java
 * component cannot rename a JSON field. {@link JsonReportReader} reads it back.
 */
public final class JsonReportWriter implements ReportWriter {
    private final OutputRedaction redaction;

    public JsonReportWriter() {
        this(null);
    }

    /** @param redactor secrets to blank out of the output; may be null */
    public JsonReportWriter(SecretRedactor redactor) {
        this.redaction = OutputRedaction.of(redactor);
    }

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        try (JsonGenerator json = PrettyJson.open(out, redaction)) {
            json.writeStartObject();
            json.writeNumberField("schemaVersion", report.schemaVersion());
            json.writeObjectFieldStart("tool");
            json.writeStringField("name", report.tool().name());
            json.writeStringField("version", report.tool().version());
            json.writeEndObject();
            json.writeStringField("generatedAt", report.generatedAt().toString());
            json.writeBooleanField("demo", report.demo());
            writeStrings(json, "targets", report.targets());
            json.writeNumberField("score", report.score());
            writeSummary(json, report.summary());
            json.writeArrayFieldStart("findings");
            for (Finding finding : report.findings()) {
                writeFinding(json, finding);
            }
            json.writeEndArray();
            writeMetadata(json, report.metadata());
            writePlaybook(json, IncidentPlaybook.from(report.findings()));
            json.writeEndObject();
            json.writeRaw('\n');
        }
        out.flush();
    }

    private static void writeSummary(JsonGenerator json, Map<Status, Integer> summary) throws IOException {
        json.writeObjectFieldStart("summary");
        for (Status status : Status.values()) {
            json.writeNumberField(status.name(), summary.getOrDefault(status, 0));
        }
        json.writeEndObject();
    }

    private static void writeFinding(JsonGenerator json, Finding finding) throws IOException {
        json.writeStartObject();
        json.writeStringField("check", finding.check());
        json.writeStringField("status", finding.status().name());
        json.writeStringField("severity", finding.severity().id());
        json.writeStringField("stage", finding.stage().id());
        json.writeStringField("subject", finding.subject());
        json.writeStringField("title", finding.title());
        json.writeStringField("message", finding.message());
        json.writeStringField("needed", finding.needed());
        json.writeArrayFieldStart("evidence");
        for (Evidence e : finding.evidence()) {
            json.writeStartObject();
            json.writeStringField("label", e.label());
            json.writeStringField("value", e.value());
            json.writeStringField("source", e.source());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("remediation");
        for (RemediationStep step : finding.remediation()) {
            json.writeStartObject();
            json.writeStringField("text", step.text());
            json.writeStringField("url", step.url());
            json.writeStringField("command", step.command());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("references");
        for (Reference reference : finding.references()) {
            json.writeStartObject();
            json.writeStringField("title", reference.title());
            json.writeStringField("url", reference.url());
            json.writeEndObject();
        }
        json.writeEndArray();
        // Optional fields, written only when present, so that reports without them are unchanged.
        if (!finding.attributes().isEmpty()) {
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<String, List<String>> attribute : finding.attributes().entrySet()) {
                writeStrings(json, attribute.getKey(), attribute.getValue());
            }
            json.writeEndObject();
        }
        if (finding.waiver().isPresent()) {
            Waiver waiver = finding.waiver().get();
            json.writeObjectFieldStart("waiver");
            json.writeStringField("owner", waiver.owner());
            json.writeStringField("justification", waiver.justification());
            json.writeStringField("expires", waiver.expires().toString());
            json.writeBooleanField("active", waiver.active());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeMetadata(JsonGenerator json, ReportMetadata metadata) throws IOException {
        json.writeObjectFieldStart("metadata");
        json.writeStringField("startedAt", metadata.startedAt().toString());
        json.writeStringField("finishedAt", metadata.finishedAt().toString());
        json.writeNumberField("durationMillis", metadata.durationMillis());
        json.writeBooleanField("cancelled", metadata.cancelled());
        writeStrings(json, "checksRun", metadata.checksRun());
        json.writeObjectFieldStart("requestsByHost");
        for (Map.Entry<String, HostStats> host : metadata.requestsByHost().entrySet()) {
            HostStats stats = host.getValue();
            json.writeFieldName(host.getKey());
            json.writeStartObject();
            json.writeNumberField("requests", stats.requests());
            json.writeNumberField("networkRequests", stats.networkRequests());
            json.writeNumberField("cacheHits", stats.cacheHits());
            json.writeNumberField("notModified", stats.notModified());
            json.writeNumberField("retries", stats.retries());
            json.writeNumberField("errors", stats.errors());
            json.writeNumberField("bytes", stats.bytes());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writePlaybook(JsonGenerator json, IncidentPlaybook playbook) throws IOException {
        json.writeObjectFieldStart("playbook");
        writeSteps(json, "steps", playbook.steps());
        json.writeArrayFieldStart("packages");
        for (PlaybookPackage p : playbook.packages()) {
            json.writeStartObject();
            json.writeStringField("subject", p.subject());
            writeStrings(json, "publishers", p.publishers());
            json.writeStringField("source", p.source());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("credentials");
        for (PlaybookCredential c : playbook.credentials()) {
            json.writeStartObject();
            json.writeStringField("kind", c.kind());
            json.writeStringField("description", c.description());
            writeStrings(json, "locations", c.locations());
            json.writeStringField("target", c.target());
            json.writeBooleanField("canPublish", c.canPublish());
            json.writeStringField("capability", c.capability());
            json.writeStringField("fingerprint", c.fingerprint());
            json.writeStringField("foundBy", c.foundBy());
            writeSteps(json, "steps", c.steps());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }

    private static void writeSteps(JsonGenerator json, String field, List<RemediationStep> steps) throws IOException {
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

    private static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
