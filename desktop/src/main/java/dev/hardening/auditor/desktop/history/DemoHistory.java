package dev.hardening.auditor.desktop.history;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.Score;
import dev.hardening.auditor.core.store.SnapshotSummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * An illustrative history for the demo, so that the History screen has a curve and a diff to show
 * on the first run: two earlier snapshots derived from the demo audit, as if some of today's passing
 * items had been fixed since (56 and 28 days before, three and then one of them still failing). Only
 * ever written to the demo's own temporary database, and every snapshot of it says DEMO.
 */
public final class DemoHistory {
    static final List<Integer> DAYS_BEFORE = List.of(56, 28);
    private static final List<Integer> STILL_FAILING = List.of(3, 1);

    private DemoHistory() {
    }

    /** The earlier reports, oldest first. */
    public static List<AuditReport> earlier(AuditReport today) {
        List<Finding> passing = today.findings().stream().filter(f -> f.status() == Status.PASS).toList();
        List<AuditReport> out = new ArrayList<>();
        for (int i = 0; i < DAYS_BEFORE.size(); i++) {
            int failing = Math.min(STILL_FAILING.get(i), passing.size());
            List<Finding> before = passing.subList(0, failing);
            List<Finding> findings = today.findings().stream().map(f -> before.contains(f)
                    ? f.withVerdict(Status.FAIL, "Before the fix (illustrative demo history): " + f.message(), "")
                    : f).toList();
            out.add(new AuditReport(today.schemaVersion(), today.tool(),
                    today.generatedAt().minus(Duration.ofDays(DAYS_BEFORE.get(i))), true, today.targets(),
                    Score.of(findings), AuditReport.summarize(findings), findings, today.metadata()));
        }
        return out;
    }

    /** Stores the illustrative history when the demo database is still empty, then today's report, whose snapshot it returns. */
    public static SnapshotSummary record(SnapshotArchive demoArchive, AuditReport today, String policySha256) {
        if (demoArchive.list().isEmpty()) {
            earlier(today).forEach(r -> demoArchive.save(r, policySha256));
        }
        return demoArchive.save(today, policySha256);
    }
}
