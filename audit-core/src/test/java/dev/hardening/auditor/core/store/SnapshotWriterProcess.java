package dev.hardening.auditor.core.store;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Run in a child JVM by {@link SnapshotStoreCrashTest}: writes snapshots in a loop and prints
 * {@code saved <id>} after each commit, until it is killed.
 */
public final class SnapshotWriterProcess {
    private SnapshotWriterProcess() {
    }

    public static void main(String[] args) {
        Path db = Path.of(args[0]);
        try (SnapshotStore store = SnapshotStore.open(db)) {
            for (int i = 0; ; i++) {
                store.save(NewSnapshot.of(bigReport(i), "child@test", "", null));
                long id = store.latest().orElseThrow().id();
                System.out.println("saved " + id);
                System.out.flush();
            }
        }
    }

    /** Large enough (a few hundred KB) that a kill often lands in the middle of a write. */
    static AuditReport bigReport(int n) {
        ReportBuilder b = ReportBuilder.report().at(Instant.parse("2026-05-01T00:00:00Z").plusSeconds(n));
        for (int i = 0; i < 400; i++) {
            b.with("publishers.roster", "npm:package-" + i, i % 3 == 0 ? Status.FAIL : Status.PASS,
                    Evidence.of("publishers", "alice, bob, writer-" + n, "GET /package-" + i));
        }
        return b.build();
    }
}
