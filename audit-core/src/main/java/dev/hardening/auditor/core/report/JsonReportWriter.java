package dev.hardening.auditor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.Finding;
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
            ReportJsonFields.strings(json, "targets", report.targets());
            json.writeNumberField("score", report.score());
            ReportJsonFields.summary(json, report.summary());
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
        ReportJsonFields.evidence(json, "evidence", finding.evidence());
        ReportJsonFields.steps(json, "remediation", finding.remediation());
        ReportJsonFields.references(json, "references", finding.references());
        // Optional fields, written only when present, so that reports without them are unchanged.
        if (!finding.attributes().isEmpty()) {
            json.writeObjectFieldStart("attributes");
            for (Map.Entry<String, List<String>> attribute : finding.attributes().entrySet()) {
                ReportJsonFields.strings(json, attribute.getKey(), attribute.getValue());
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
        ReportJsonFields.strings(json, "checksRun", metadata.checksRun());
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
        ReportJsonFields.steps(json, "steps", playbook.steps());
        json.writeArrayFieldStart("packages");
        for (PlaybookPackage p : playbook.packages()) {
            json.writeStartObject();
            json.writeStringField("subject", p.subject());
            ReportJsonFields.strings(json, "publishers", p.publishers());
            json.writeStringField("source", p.source());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("credentials");
        for (PlaybookCredential c : playbook.credentials()) {
            json.writeStartObject();
            json.writeStringField("kind", c.kind());
            json.writeStringField("description", c.description());
            ReportJsonFields.strings(json, "locations", c.locations());
            json.writeStringField("target", c.target());
            json.writeBooleanField("canPublish", c.canPublish());
            json.writeStringField("capability", c.capability());
            json.writeStringField("fingerprint", c.fingerprint());
            json.writeStringField("foundBy", c.foundBy());
            ReportJsonFields.steps(json, "steps", c.steps());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeEndObject();
    }
}
