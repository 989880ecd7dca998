package dev.hardening.auditor.core.store;

import java.time.Instant;
import java.util.List;

/** One row of {@code history}: a snapshot without its report. */
public record SnapshotSummary(long id, Instant takenAt, String takenBy, String toolVersion, String policySha256,
                              List<String> targets, int score, int fail, int warn, int unknown, int pass,
                              boolean demo) {
    public SnapshotSummary {
        targets = List.copyOf(targets);
    }
}
