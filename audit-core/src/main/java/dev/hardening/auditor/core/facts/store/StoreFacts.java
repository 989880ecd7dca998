package dev.hardening.auditor.core.facts.store;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** Keys of facts read from the auditor's own snapshot database. */
public final class StoreFacts {
    /** The latest snapshot; Unavailable when no database is configured or it cannot be read. */
    public static final FactKey<LastSnapshot> LAST_SNAPSHOT = FactKey.of("store.last-snapshot", Platform.POLICY,
            LastSnapshot.class);

    private StoreFacts() {
    }
}
