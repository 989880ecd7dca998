package dev.hardening.auditor.core.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.store.LastSnapshot;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.store.NewSnapshot;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StoreCollectorsTest {
    @TempDir
    Path dir;

    @Test
    void the_latest_snapshot_is_read_and_a_missing_database_means_none_without_creating_it() throws Exception {
        Path db = dir.resolve("s.db");
        assertThat(StoreCollectors.lastSnapshot(Optional.of(db)).takenAt()).isEmpty();
        assertThat(db).doesNotExist();

        try (SnapshotStore store = SnapshotStore.open(db)) {
            store.save(NewSnapshot.of(ReportBuilder.report().at(Instant.parse("2026-05-01T00:00:00Z"))
                    .with("npm.2fa", "npm:~a", Status.PASS).build(), "x", "", null));
            store.save(NewSnapshot.of(ReportBuilder.report().at(Instant.parse("2026-05-08T00:00:00Z"))
                    .with("npm.2fa", "npm:~a", Status.PASS).build(), "x", "", null));
        }
        LastSnapshot last = StoreCollectors.lastSnapshot(Optional.of(db));
        assertThat(last.takenAt()).contains(Instant.parse("2026-05-08T00:00:00Z"));
        assertThat(last.count()).isEqualTo(2);
    }

    @Test
    void no_database_or_an_unreadable_one_is_unavailable_with_the_reason() throws Exception {
        assertThatThrownBy(() -> StoreCollectors.lastSnapshot(Optional.empty()))
                .isInstanceOfSatisfying(CollectionException.class,
                        e -> assertThat(e.unavailability().cause()).isEqualTo(Cause.NOT_CONFIGURED));
        Path junk = dir.resolve("junk.db");
        Files.writeString(junk, "not a database, not at all, definitely not ".repeat(50));
        assertThatThrownBy(() -> StoreCollectors.lastSnapshot(Optional.of(junk)))
                .isInstanceOfSatisfying(CollectionException.class,
                        e -> assertThat(e.unavailability().reason()).contains("junk.db"));
    }
}
