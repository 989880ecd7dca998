package dev.hardening.auditor.core.facts.store;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The most recent snapshot in the snapshot database.
 *
 * @param database the database file that was read (for evidence)
 * @param takenAt  when the latest snapshot was taken; empty when there is none
 * @param id       the latest snapshot's id, 0 when there is none
 * @param count    how many snapshots the database holds
 */
public record LastSnapshot(String database, Optional<Instant> takenAt, long id, int count) {
    public LastSnapshot {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(takenAt, "takenAt");
    }

    public static LastSnapshot none(String database) {
        return new LastSnapshot(database, Optional.empty(), 0, 0);
    }
}
