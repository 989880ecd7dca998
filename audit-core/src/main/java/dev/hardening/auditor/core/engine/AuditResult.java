package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.model.Finding;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * What an audit found. A cancelled audit keeps the findings of the checks that finished; the others
 * are UNKNOWN with the reason "cancelled".
 */
public record AuditResult(List<Finding> findings, List<String> checksRun, Instant startedAt, Instant finishedAt,
                          boolean cancelled) {
    public AuditResult {
        findings = List.copyOf(findings);
        checksRun = List.copyOf(checksRun);
    }

    public Duration duration() {
        return Duration.between(startedAt, finishedAt);
    }
}
