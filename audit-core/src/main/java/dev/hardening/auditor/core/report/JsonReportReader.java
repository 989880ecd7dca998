package dev.hardening.auditor.core.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.model.Waiver;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a JSON report written by {@link JsonReportWriter} back into an {@link AuditReport}, for diff
 * and verify. Field by field, like the writer; fields this version does not know are ignored (fields
 * are only ever added within a schema version), but a missing or mistyped field, an unknown status
 * and an unsupported {@code schemaVersion} are refused with a message naming the field.
 */
public final class JsonReportReader {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public AuditReport read(InputStream in) throws IOException {
        return fromTree(parse(() -> MAPPER.readTree(in)));
    }

    public AuditReport read(Reader in) throws IOException {
        return fromTree(parse(() -> MAPPER.readTree(in)));
    }

    public AuditReport read(String json) throws InvalidReportException {
        try {
            return read(new StringReader(json));
        } catch (InvalidReportException e) {
            throw e;
        } catch (IOException e) {
            throw new InvalidReportException("cannot read report: " + e.getMessage(), e);
        }
    }

    private interface TreeSource {
        JsonNode get() throws IOException;
    }

    private static JsonNode parse(TreeSource source) throws IOException {
        try {
            JsonNode root = source.get();
            if (root == null || root.isMissingNode()) {
                throw new InvalidReportException("not a report: the input is empty");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new InvalidReportException("not a report: invalid JSON (" + e.getOriginalMessage() + ")", e);
        }
    }

    private static AuditReport fromTree(JsonNode root) throws InvalidReportException {
        if (!root.isObject()) {
            throw new InvalidReportException("not a report: the top level is not a JSON object");
        }
        JsonNode version = root.get("schemaVersion");
        if (version == null) {
            throw new InvalidReportException("not a report: no schemaVersion field");
        }
        if (!version.isIntegralNumber()) {
            throw new InvalidReportException("$.schemaVersion: expected an integer, found " + describe(version));
        }
        if (version.asInt() != AuditReport.SCHEMA_VERSION) {
            throw new InvalidReportException("unsupported report schemaVersion " + version.asText()
                    + ": this version of the auditor reads schemaVersion " + AuditReport.SCHEMA_VERSION
                    + (version.asInt() > AuditReport.SCHEMA_VERSION
                    ? " (the report was written by a newer version; upgrade the auditor to read it)"
                    : ""));
        }
        JsonNode tool = object(root, "tool", "$");
        List<Finding> findings = new ArrayList<>();
        JsonNode findingNodes = array(root, "findings", "$");
        for (int i = 0; i < findingNodes.size(); i++) {
            findings.add(finding(findingNodes.get(i), "$.findings[" + i + "]"));
        }
        int score = integer(root, "score", "$");
        if (score < 0 || score > 100) {
            throw new InvalidReportException("$.score: expected 0 to 100, found " + score);
        }
        return new AuditReport(
                AuditReport.SCHEMA_VERSION,
                new ToolInfo(text(tool, "name", "$.tool"), text(tool, "version", "$.tool")),
                instant(root, "generatedAt", "$"),
                bool(root, "demo", "$"),
                strings(root, "targets", "$"),
                score,
                summary(object(root, "summary", "$")),
                findings,
                metadata(object(root, "metadata", "$")));
    }

    private static Map<Status, Integer> summary(JsonNode node) throws InvalidReportException {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status status : Status.values()) {
            counts.put(status, integer(node, status.name(), "$.summary"));
        }
        return counts;
    }

    private static Finding finding(JsonNode node, String path) throws InvalidReportException {
        if (node == null || !node.isObject()) {
            throw new InvalidReportException(path + ": expected an object, found " + describe(node));
        }
        List<Evidence> evidence = new ArrayList<>();
        JsonNode evidenceNodes = array(node, "evidence", path);
        for (int i = 0; i < evidenceNodes.size(); i++) {
            String at = path + ".evidence[" + i + "]";
            JsonNode e = element(evidenceNodes, i, at);
            evidence.add(new Evidence(text(e, "label", at), text(e, "value", at), text(e, "source", at)));
        }
        List<RemediationStep> remediation = new ArrayList<>();
        JsonNode stepNodes = array(node, "remediation", path);
        for (int i = 0; i < stepNodes.size(); i++) {
            String at = path + ".remediation[" + i + "]";
            JsonNode s = element(stepNodes, i, at);
            remediation.add(new RemediationStep(text(s, "text", at), text(s, "url", at), text(s, "command", at)));
        }
        List<Reference> references = new ArrayList<>();
        JsonNode referenceNodes = array(node, "references", path);
        for (int i = 0; i < referenceNodes.size(); i++) {
            String at = path + ".references[" + i + "]";
            JsonNode r = element(referenceNodes, i, at);
            references.add(new Reference(text(r, "title", at), text(r, "url", at)));
        }
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        JsonNode attributeNodes = node.get("attributes");
        if (attributeNodes != null) {
            JsonNode checked = object(node, "attributes", path);
            for (Map.Entry<String, JsonNode> attribute : checked.properties()) {
                attributes.put(attribute.getKey(), strings(checked, attribute.getKey(), path + ".attributes"));
            }
        }
        Optional<Waiver> waiver = Optional.empty();
        if (node.get("waiver") != null) {
            String at = path + ".waiver";
            JsonNode w = object(node, "waiver", path);
            String expires = text(w, "expires", at);
            try {
                waiver = Optional.of(new Waiver(text(w, "owner", at), text(w, "justification", at),
                        LocalDate.parse(expires), bool(w, "active", at)));
            } catch (DateTimeParseException e) {
                throw new InvalidReportException(at + ".expires: expected a date such as 2026-09-30, found '"
                        + expires + "'", e);
            }
        }
        return new Finding(
                text(node, "check", path),
                status(text(node, "status", path), path + ".status"),
                severity(text(node, "severity", path), path + ".severity"),
                stage(text(node, "stage", path), path + ".stage"),
                text(node, "subject", path),
                text(node, "title", path),
                text(node, "message", path),
                text(node, "needed", path),
                evidence, remediation, references, attributes, waiver);
    }

    private static ReportMetadata metadata(JsonNode node) throws InvalidReportException {
        String path = "$.metadata";
        Map<String, HostStats> hosts = new LinkedHashMap<>();
        JsonNode hostNodes = object(node, "requestsByHost", path);
        for (Map.Entry<String, JsonNode> host : hostNodes.properties()) {
            String at = path + ".requestsByHost['" + host.getKey() + "']";
            JsonNode h = host.getValue();
            if (!h.isObject()) {
                throw new InvalidReportException(at + ": expected an object, found " + describe(h));
            }
            hosts.put(host.getKey(), new HostStats(count(h, "requests", at), count(h, "networkRequests", at),
                    count(h, "cacheHits", at), count(h, "notModified", at), count(h, "retries", at),
                    count(h, "errors", at), count(h, "bytes", at)));
        }
        return new ReportMetadata(instant(node, "startedAt", path), instant(node, "finishedAt", path),
                count(node, "durationMillis", path), bool(node, "cancelled", path),
                strings(node, "checksRun", path), hosts);
    }

    private static Status status(String value, String path) throws InvalidReportException {
        for (Status s : Status.values()) {
            if (s.name().equals(value)) {
                return s;
            }
        }
        throw new InvalidReportException(path + ": unknown status '" + value + "' (expected one of "
                + List.of(Status.values()) + ")");
    }

    private static Severity severity(String value, String path) throws InvalidReportException {
        for (Severity s : Severity.values()) {
            if (s.id().equals(value)) {
                return s;
            }
        }
        throw new InvalidReportException(path + ": unknown severity '" + value
                + "' (expected critical, high, medium, low or info)");
    }

    private static Stage stage(String value, String path) throws InvalidReportException {
        for (Stage s : Stage.values()) {
            if (s.id().equals(value)) {
                return s;
            }
        }
        throw new InvalidReportException(path + ": unknown stage '" + value
                + "' (expected recon, evaluate, fortify, limit, expose or exercise)");
    }

    private static JsonNode field(JsonNode parent, String name, String path) throws InvalidReportException {
        JsonNode node = parent.get(name);
        if (node == null) {
            throw new InvalidReportException(path + "." + name + ": missing");
        }
        return node;
    }

    private static JsonNode element(JsonNode array, int index, String path) throws InvalidReportException {
        JsonNode node = array.get(index);
        if (!node.isObject()) {
            throw new InvalidReportException(path + ": expected an object, found " + describe(node));
        }
        return node;
    }

    private static String text(JsonNode parent, String name, String path) throws InvalidReportException {
        JsonNode node = field(parent, name, path);
        if (!node.isTextual()) {
            throw new InvalidReportException(path + "." + name + ": expected a string, found " + describe(node));
        }
        return node.textValue();
    }

    private static int integer(JsonNode parent, String name, String path) throws InvalidReportException {
        JsonNode node = field(parent, name, path);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw new InvalidReportException(path + "." + name + ": expected an integer, found " + describe(node));
        }
        return node.intValue();
    }

    private static long count(JsonNode parent, String name, String path) throws InvalidReportException {
        JsonNode node = field(parent, name, path);
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new InvalidReportException(path + "." + name + ": expected a count (integer >= 0), found "
                    + describe(node));
        }
        return node.longValue();
    }

    private static boolean bool(JsonNode parent, String name, String path) throws InvalidReportException {
        JsonNode node = field(parent, name, path);
        if (!node.isBoolean()) {
            throw new InvalidReportException(path + "." + name + ": expected true or false, found " + describe(node));
        }
        return node.booleanValue();
    }

    private static Instant instant(JsonNode parent, String name, String path) throws InvalidReportException {
        String value = text(parent, name, path);
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidReportException(path + "." + name + ": expected an ISO-8601 UTC time such as "
                    + "2025-01-31T12:00:00Z, found '" + value + "'", e);
        }
    }

    private static JsonNode object(JsonNode parent, String name, String path) throws InvalidReportException {
        JsonNode node = field(parent, name, path);
        if (!node.isObject()) {
            throw new InvalidReportException(path + "." + name + ": expected an object, found " + describe(node));
        }
        return node;
    }

    private static JsonNode array(JsonNode parent, String name, String path) throws InvalidReportException {
        JsonNode node = field(parent, name, path);
        if (!node.isArray()) {
            throw new InvalidReportException(path + "." + name + ": expected an array, found " + describe(node));
        }
        return node;
    }

    private static List<String> strings(JsonNode parent, String name, String path) throws InvalidReportException {
        JsonNode node = array(parent, name, path);
        List<String> values = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isTextual()) {
                throw new InvalidReportException(path + "." + name + "[" + i + "]: expected a string, found "
                        + describe(v));
            }
            values.add(v.textValue());
        }
        return values;
    }

    private static String describe(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case STRING -> "a string";
            case NUMBER -> "the number " + node.asText();
            case BOOLEAN -> node.asText();
            case NULL -> "null";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
