package dev.hardening.auditor.desktop.team;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.signing.VerifiedSnapshot;
import dev.hardening.auditor.core.store.NewSnapshot;
import dev.hardening.auditor.core.team.TeamImport;
import dev.hardening.auditor.core.team.TeamView;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.history.SnapshotArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The Team screen: the publishers × packages matrix from the team roll-up. The latest audit counts
 * as the self-audit of whoever ran it; members' signed snapshots are imported, verified against the
 * keys registered in the snapshot database ({@code auditor team add-member}), and added.
 */
public final class TeamMatrixViewModel {
    /** The member name the app's own latest audit counts under. */
    public static final String THIS_AUDIT = "you (latest audit)";

    private final TaskExecutor tasks;
    private final Supplier<SnapshotArchive> archive;
    private final ObservableList<String> packages = FXCollections.observableArrayList();
    private final ObservableList<TeamMatrix.PublisherRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> sources = FXCollections.observableArrayList();
    private final ObservableList<String> refused = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(
            "Run an audit (or the demo) to see who can publish your packages.");
    private final Map<Path, TeamImport.Accepted> imported = new LinkedHashMap<>();
    private AuditReport current;

    /** @param archive the snapshot database whose team registry verifies imported files */
    public TeamMatrixViewModel(TaskExecutor tasks, Supplier<SnapshotArchive> archive) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.archive = Objects.requireNonNull(archive, "archive");
    }

    /** The latest audit: its packages and publishers, with the auditing person's own hardening. */
    public void showReport(AuditReport report) {
        current = report;
        rebuild(List.of());
    }

    /** Verifies members' signed snapshots off the UI thread and adds those that check out. */
    public void importFiles(List<Path> files) {
        if (files.isEmpty()) {
            return;
        }
        SnapshotArchive target = archive.get();
        message.set("Verifying " + files.size() + (files.size() == 1 ? " file…" : " files…"));
        tasks.execute(BackgroundTask.of("Verify signed snapshots", () -> TeamImport.verify(files, target.teamMembers()))
                .onSuccess(result -> {
                    result.accepted().forEach(a -> imported.put(a.file(), a));
                    rebuild(result.refused());
                }).onFailure(error -> message.set("The files could not be verified: " + describe(error) + ".")));
    }

    private void rebuild(List<TeamImport.Refused> newlyRefused) {
        List<TeamView.MemberSnapshot> snapshots = new ArrayList<>();
        List<AuditReport> reports = new ArrayList<>();
        if (current != null) {
            snapshots.add(new TeamView.MemberSnapshot(THIS_AUDIT, new VerifiedSnapshot("", 0, current.generatedAt(),
                    NewSnapshot.currentUser(), current.tool().version(), "", current.targets(), current)));
            reports.add(current);
        }
        imported.values().forEach(a -> {
            snapshots.add(new TeamView.MemberSnapshot(a.member().name(), a.snapshot()));
            reports.add(a.snapshot().report());
        });
        TeamView view = TeamView.of(snapshots, newlyRefused);
        TeamMatrix matrix = TeamMatrix.of(view, reports);
        packages.setAll(matrix.packages());
        rows.setAll(matrix.rows());
        sources.setAll(view.sources().stream().map(s -> s.member() + ": " + (s.keyId().isEmpty()
                ? "the audit of " + s.takenAt() + " in this app" : "signed snapshot " + s.snapshotId() + " of " + s.takenAt()
                + " by " + s.takenBy() + ", key " + s.keyId()) + ", score " + s.score()).toList());
        refused.setAll(newlyRefused.stream().map(r -> r.file().getFileName() + ": " + r.reason()).toList());
        if (current == null && imported.isEmpty()) {
            message.set("Run an audit (or the demo) to see who can publish your packages.");
        } else if (rows.isEmpty()) {
            message.set("The audit found no npm or PyPI packages with their publishers: name packages or a registry user"
                    + " on the Setup screen.");
        } else {
            message.set(rows.size() + (rows.size() == 1 ? " publishing account" : " publishing accounts") + " across "
                    + packages.size() + (packages.size() == 1 ? " package" : " packages") + ". Accounts without a"
                    + " self-audit show \"not audited\": ask their owners for a signed snapshot.");
        }
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    /** The package subjects, one matrix column each. */
    public ObservableList<String> packages() {
        return packages;
    }

    public ObservableList<TeamMatrix.PublisherRow> rows() {
        return rows;
    }

    /** One line per snapshot the matrix is built from. */
    public ObservableList<String> sources() {
        return sources;
    }

    /** The files of the last import that were refused, with why. */
    public ObservableList<String> refused() {
        return refused;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }
}
