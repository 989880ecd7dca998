package dev.hardening.auditor.core.report;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.model.Waiver;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The report as SARIF 2.1.0, for code-scanning dashboards. One rule per check present in the report;
 * one result per finding that needs attention: FAIL as {@code error}, WARN as {@code warning},
 * UNKNOWN as {@code note}. PASS, ATTESTED and NOT_APPLICABLE produce no result: dashboards treat
 * every result as an open alert (many ignore {@code kind}), and an alert that stops appearing is
 * closed as fixed, which is exactly what a FAIL turning into a PASS means. The counts of every
 * status stay in {@code runs[0].properties.summary}.
 *
 * <p>Accounts and packages have no file and line, so a result's location is a logical location
 * named after the finding's subject; {@code partialFingerprints} are a hash of (check, subject), so
 * the same problem keeps its identity from one audit to the next.
 */
public final class SarifReportWriter implements ReportWriter {
    public static final String SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json";
    public static final String INFORMATION_URI = "https://github.com/maintainer-hardening-auditor";
    /** Versioned so that a change of the hashed fields can be made without colliding with old alerts. */
    public static final String FINGERPRINT_KEY = "checkSubject/v1";

    private final OutputRedaction redaction;
    private final Map<String, CheckMetadata> catalog;

    public SarifReportWriter() {
        this(null, List.of());
    }

    /**
     * @param redactor secrets to blank out of the output; may be null
     * @param catalog  metadata of the known checks, for the rules' descriptions and platform tags;
     *                 may be null or partial: a check missing from it is described from its findings
     */
    public SarifReportWriter(SecretRedactor redactor, Collection<CheckMetadata> catalog) {
        this.redaction = OutputRedaction.of(redactor);
        Map<String, CheckMetadata> byId = new LinkedHashMap<>();
        if (catalog != null) {
            catalog.forEach(m -> byId.put(m.id(), m));
        }
        this.catalog = Map.copyOf(byId);
    }

    /** SARIF result level of a status, or empty when the status produces no result. */
    public static Optional<String> level(Status status) {
        return switch (status) {
            case FAIL -> Optional.of("error");
            case WARN -> Optional.of("warning");
            case UNKNOWN -> Optional.of("note");
            case PASS, ATTESTED, NOT_APPLICABLE -> Optional.empty();
        };
    }

    /**
     * GitHub code scanning's {@code security-severity} (a CVSS-like score: 9.0 and above critical,
     * 7.0 high, 4.0 medium, 0.1 low); empty for info, which is not a security severity.
     */
    public static Optional<String> securitySeverity(Severity severity) {
        return switch (severity) {
            case CRITICAL -> Optional.of("9.5");
            case HIGH -> Optional.of("8.0");
            case MEDIUM -> Optional.of("5.5");
            case LOW -> Optional.of("2.0");
            case INFO -> Optional.empty();
        };
    }

    @Override
    public void write(AuditReport report, OutputStream out) throws IOException {
        Map<String, List<Finding>> byCheck = new TreeMap<>();
        report.findings().forEach(f -> byCheck.computeIfAbsent(f.check(), k -> new ArrayList<>()).add(f));
        List<String> ruleIds = List.copyOf(byCheck.keySet());

        try (JsonGenerator json = PrettyJson.open(out, redaction)) {
            json.writeStartObject();
            json.writeStringField("$schema", SCHEMA_URI);
            json.writeStringField("version", "2.1.0");
            json.writeArrayFieldStart("runs");
            json.writeStartObject();

            json.writeObjectFieldStart("tool");
            json.writeObjectFieldStart("driver");
            json.writeStringField("name", report.tool().name());
            json.writeStringField("version", report.tool().version());
            json.writeStringField("informationUri", INFORMATION_URI);
            json.writeArrayFieldStart("rules");
            for (Map.Entry<String, List<Finding>> check : byCheck.entrySet()) {
                writeRule(json, check.getKey(), check.getValue());
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeEndObject();

            json.writeArrayFieldStart("invocations");
            json.writeStartObject();
            json.writeBooleanField("executionSuccessful", !report.metadata().cancelled());
            json.writeStringField("startTimeUtc", report.metadata().startedAt().toString());
            json.writeStringField("endTimeUtc", report.metadata().finishedAt().toString());
            json.writeEndObject();
            json.writeEndArray();

            json.writeArrayFieldStart("results");
            for (Finding f : report.findings()) {
                Optional<String> level = level(f.status());
                if (level.isPresent()) {
                    writeResult(json, f, level.get(), ruleIds.indexOf(f.check()));
                }
            }
            json.writeEndArray();

            writeRunProperties(json, report);
            json.writeEndObject();
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        }
        out.flush();
    }

    private void writeRule(JsonGenerator json, String id, List<Finding> findings) throws IOException {
        Finding first = findings.get(0);
        CheckMetadata meta = catalog.get(id);
        List<RemediationStep> remediation = meta != null && !meta.remediation().isEmpty()
                ? meta.remediation() : first.remediation();
        List<Reference> references = meta != null && !meta.references().isEmpty()
                ? meta.references() : first.references();

        json.writeStartObject();
        json.writeStringField("id", id);
        json.writeStringField("name", ruleName(id));
        json.writeObjectFieldStart("shortDescription");
        json.writeStringField("text", meta != null ? meta.title() : first.title());
        json.writeEndObject();
        json.writeObjectFieldStart("fullDescription");
        json.writeStringField("text", fullDescription(meta, first));
        json.writeEndObject();
        Optional<String> helpUri = references.stream().map(r -> SafeUrl.http(r.url()))
                .flatMap(Optional::stream).findFirst();
        if (helpUri.isPresent()) {
            json.writeStringField("helpUri", helpUri.get());
        }
        json.writeObjectFieldStart("help");
        json.writeStringField("text", helpText(remediation, references));
        json.writeStringField("markdown", helpMarkdown(remediation, references));
        json.writeEndObject();

        json.writeObjectFieldStart("properties");
        json.writeArrayFieldStart("tags");
        json.writeString("security");
        json.writeString(first.stage().id());
        if (meta != null) {
            for (Platform p : meta.platforms().stream().sorted().toList()) {
                json.writeString(p.id());
            }
        }
        json.writeEndArray();
        Optional<String> score = securitySeverity(ruleSeverity(findings));
        if (score.isPresent()) {
            json.writeStringField("security-severity", score.get());
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeResult(JsonGenerator json, Finding f, String level, int ruleIndex) throws IOException {
        json.writeStartObject();
        json.writeStringField("ruleId", f.check());
        json.writeNumberField("ruleIndex", ruleIndex);
        json.writeStringField("level", level);
        json.writeObjectFieldStart("message");
        String text = f.message().isBlank() ? f.title() : f.message();
        json.writeStringField("text", f.needed().isEmpty() ? text : text + " Needed: " + f.needed());
        json.writeEndObject();

        json.writeArrayFieldStart("locations");
        json.writeStartObject();
        json.writeArrayFieldStart("logicalLocations");
        json.writeStartObject();
        json.writeStringField("name", f.subject());
        json.writeStringField("fullyQualifiedName", f.check() + "/" + f.subject());
        json.writeStringField("kind", "resource");
        json.writeEndObject();
        json.writeEndArray();
        json.writeEndObject();
        json.writeEndArray();

        // An active waiver is an accepted risk: SARIF's suppression, which dashboards show as dismissed.
        if (f.isWaived()) {
            Waiver w = f.waiver().get();
            json.writeArrayFieldStart("suppressions");
            json.writeStartObject();
            json.writeStringField("kind", "external");
            json.writeStringField("status", "accepted");
            json.writeStringField("justification", w.justification() + " (owner: " + w.owner() + ", expires "
                    + w.expires() + ")");
            json.writeEndObject();
            json.writeEndArray();
        }

        json.writeObjectFieldStart("partialFingerprints");
        json.writeStringField(FINGERPRINT_KEY, fingerprint(f));
        json.writeEndObject();

        json.writeObjectFieldStart("properties");
        json.writeStringField("status", f.status().name());
        json.writeStringField("severity", f.severity().id());
        json.writeStringField("stage", f.stage().id());
        json.writeStringField("subject", f.subject());
        if (!f.needed().isEmpty()) {
            json.writeStringField("needed", f.needed());
        }
        if (f.waiver().isPresent()) {
            json.writeStringField("waiver", WaiverText.describe(f.waiver().get()));
        }
        ReportJsonFields.evidence(json, "evidence", f.evidence());
        json.writeEndObject();
        json.writeEndObject();
    }

    private static void writeRunProperties(JsonGenerator json, AuditReport report) throws IOException {
        json.writeObjectFieldStart("properties");
        json.writeStringField("generatedAt", report.generatedAt().toString());
        json.writeBooleanField("demo", report.demo());
        json.writeNumberField("score", report.score());
        ReportJsonFields.strings(json, "targets", report.targets());
        ReportJsonFields.summary(json, report.summary());
        json.writeEndObject();
    }

    /** The most severe finding that produces a result sets the rule's severity; else the most severe of all. */
    private static Severity ruleSeverity(List<Finding> findings) {
        List<Finding> alerting = findings.stream().filter(f -> level(f.status()).isPresent()).toList();
        return (alerting.isEmpty() ? findings : alerting).stream().map(Finding::severity)
                .min(Enum::compareTo).orElse(Severity.INFO);
    }

    private static String fullDescription(CheckMetadata meta, Finding first) {
        if (meta == null) {
            return first.title();
        }
        String text = (meta.summary() + " " + meta.why()).trim();
        return text.isEmpty() ? meta.title() : text;
    }

    private String helpText(List<RemediationStep> steps, List<Reference> references) {
        StringBuilder text = new StringBuilder();
        if (!steps.isEmpty()) {
            text.append("Remediation:\n");
            int n = 1;
            for (RemediationStep s : steps) {
                text.append(n++).append(". ").append(s.text());
                if (!s.url().isEmpty()) {
                    text.append(" (").append(s.url()).append(')');
                }
                if (!s.command().isEmpty()) {
                    text.append(" — run: ").append(s.command());
                }
                text.append('\n');
            }
        }
        if (!references.isEmpty()) {
            text.append("References:\n");
            references.forEach(r -> text.append("- ").append(r.title()).append(": ").append(r.url()).append('\n'));
        }
        return text.length() == 0 ? "No remediation recorded." : text.toString().stripTrailing();
    }

    /** Built from redacted parts: Markdown escaping would otherwise hide a secret from the final pass. */
    private String helpMarkdown(List<RemediationStep> steps, List<Reference> references) {
        StringBuilder md = new StringBuilder();
        if (!steps.isEmpty()) {
            md.append("**Remediation**\n\n");
            int n = 1;
            for (RemediationStep s : steps) {
                md.append(n++).append(". ").append(MarkdownText.escape(redaction.clean(s.text())));
                if (!s.url().isEmpty()) {
                    md.append(" \u2014 ").append(MarkdownText.url(redaction.clean(s.url())));
                }
                if (!s.command().isEmpty()) {
                    md.append(" \u2014 run ").append(MarkdownText.code(redaction.clean(s.command())));
                }
                md.append('\n');
            }
        }
        if (!references.isEmpty()) {
            md.append(md.length() == 0 ? "" : "\n").append("**References**\n\n");
            for (Reference r : references) {
                md.append("- ").append(MarkdownText.link(redaction.clean(r.title()), redaction.clean(r.url())))
                        .append('\n');
            }
        }
        return md.length() == 0 ? "No remediation recorded." : md.toString().stripTrailing();
    }

    /** Hash of (check, subject) after redaction, so a fingerprint cannot confirm a guessed secret. */
    private String fingerprint(Finding f) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            String key = redaction.clean(f.check()) + "\n" + redaction.clean(f.subject());
            return HexFormat.of().formatHex(sha.digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    /** {@code github.org-2fa} becomes {@code GithubOrg2fa}: SARIF wants a readable identifier as name. */
    static String ruleName(String id) {
        StringBuilder name = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                name.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return name.toString();
    }
}
