package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.engine.AuditResult;
import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report every writer renders. Its JSON form is a contract (see schema/report.schema.json):
 * field names are stable, new fields are only added.
 */
public record AuditReport(
        int schemaVersion,
        ToolInfo tool,
        Instant generatedAt,
        boolean demo,
        List<String> targets,
        int score,
        Map<Status, Integer> summary,
        List<Finding> findings,
        ReportMetadata metadata) {

    public static final int SCHEMA_VERSION = 1;

    public AuditReport {
        targets = List.copyOf(targets);
        findings = List.copyOf(findings);
        summary = java.util.Collections.unmodifiableMap(new EnumMap<>(summary));
    }

    public static AuditReport of(AuditResult result, List<String> targets, boolean demo, ToolInfo tool,
                                 Map<String, HostStats> requestsByHost, Instant generatedAt) {
        return new AuditReport(SCHEMA_VERSION, tool, generatedAt, demo, targets, Score.of(result.findings()),
                summarize(result.findings()), result.findings(),
                new ReportMetadata(result.startedAt(), result.finishedAt(), result.duration().toMillis(),
                        result.cancelled(), result.checksRun(), new LinkedHashMap<>(requestsByHost)));
    }

    /** Count of findings per status; every status is present, zero when absent. */
    public static Map<Status, Integer> summarize(List<Finding> findings) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.status(), 1, Integer::sum));
        return counts;
    }
}
