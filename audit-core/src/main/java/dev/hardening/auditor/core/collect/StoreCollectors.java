package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.store.LastSnapshot;
import dev.hardening.auditor.core.facts.store.StoreFacts;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.StoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Collectors of facts from the auditor's own snapshot database. */
public final class StoreCollectors {
    private StoreCollectors() {
    }

    /** Registers {@link StoreFacts#LAST_SNAPSHOT}; without a database it is Unavailable (not configured). */
    public static void register(CollectorRegistry r, Optional<Path> database) {
        r.register(StoreFacts.LAST_SNAPSHOT, (key, facts) -> lastSnapshot(database));
    }

    static LastSnapshot lastSnapshot(Optional<Path> database) throws CollectionException {
        if (database.isEmpty()) {
            throw new CollectionException(Unavailability.of(Cause.NOT_CONFIGURED,
                    "This audit was not given a snapshot database, so the time of the last snapshot is not known.",
                    "the snapshot database: run `auditor snapshot` (or `auditor audit --db FILE`)"));
        }
        Path file = database.get();
        // An audit only reads: a database that does not exist yet means no snapshot was ever taken.
        if (!Files.exists(file)) {
            return LastSnapshot.none(file.toString());
        }
        try (SnapshotStore store = SnapshotStore.open(file)) {
            int count = store.list().size();
            return store.latest()
                    .map(s -> new LastSnapshot(file.toString(), Optional.of(s.takenAt()), s.id(), count))
                    .orElse(LastSnapshot.none(file.toString()));
        } catch (StoreException e) {
            throw new CollectionException(Unavailability.of(Cause.MALFORMED, e.getMessage(),
                    "a readable snapshot database (--db FILE)"), e);
        }
    }
}
