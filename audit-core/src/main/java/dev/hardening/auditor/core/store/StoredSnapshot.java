package dev.hardening.auditor.core.store;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.InvalidReportException;
import dev.hardening.auditor.core.report.JsonReportReader;
import java.util.Objects;

/**
 * A snapshot as stored: its summary row and the full report, exactly as {@code --format json}
 * wrote it when the snapshot was taken.
 */
public record StoredSnapshot(SnapshotSummary summary, String reportJson) {
    public StoredSnapshot {
        Objects.requireNonNull(summary, "summary");
        Objects.requireNonNull(reportJson, "reportJson");
    }

    public long id() {
        return summary.id();
    }

    /** The report, read back; a report that no longer parses (a hand-edited database) is refused. */
    public AuditReport report() {
        try {
            return new JsonReportReader().read(reportJson);
        } catch (InvalidReportException e) {
            throw new StoreException("snapshot " + id() + " holds a report this version cannot read: " + e.getMessage(), e);
        }
    }
}
