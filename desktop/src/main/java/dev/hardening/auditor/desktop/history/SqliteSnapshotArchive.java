package dev.hardening.auditor.desktop.history;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.core.store.NewSnapshot;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.core.store.StoredSnapshot;
import dev.hardening.auditor.core.team.TeamMember;
import dev.hardening.auditor.core.team.TeamRegistry;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The SQLite snapshot database of the command line ({@code snapshots.db} in the data directory), so
 * the app and {@code auditor history} see the same snapshots. Opened per operation: SQLite in WAL
 * mode lets the CLI write while the app is open.
 */
public final class SqliteSnapshotArchive implements SnapshotArchive {
    private final Path file;
    private final SecretRedactor redactor;
    private final UiThreadGuard guard;

    public SqliteSnapshotArchive(Path file, SecretRedactor redactor, UiThreadGuard guard) {
        this.file = Objects.requireNonNull(file, "file");
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    @Override
    public String describe() {
        return file.toString();
    }

    @Override
    public Optional<Path> database() {
        return Optional.of(file);
    }

    @Override
    public List<SnapshotSummary> list() {
        guard.requireBackground("reading the snapshot database");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (SnapshotStore store = SnapshotStore.open(file)) {
            return store.list();
        }
    }

    @Override
    public Optional<StoredSnapshot> get(long id) {
        guard.requireBackground("reading the snapshot database");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (SnapshotStore store = SnapshotStore.open(file)) {
            return store.get(id);
        }
    }

    @Override
    public SnapshotSummary save(AuditReport report, String policySha256) {
        guard.requireBackground("writing the snapshot database");
        try (SnapshotStore store = SnapshotStore.open(file)) {
            return store.save(NewSnapshot.of(report, NewSnapshot.currentUser(), policySha256, redactor));
        }
    }

    @Override
    public List<TeamMember> teamMembers() {
        guard.requireBackground("reading the team registry");
        if (!Files.exists(file)) {
            return List.of();
        }
        try (SnapshotStore store = SnapshotStore.open(file)) {
            return new TeamRegistry(store.database()).members();
        }
    }
}
