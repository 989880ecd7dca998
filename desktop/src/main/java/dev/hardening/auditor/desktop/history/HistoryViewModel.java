package dev.hardening.auditor.desktop.history;

import dev.hardening.auditor.core.diff.ReportDiff;
import dev.hardening.auditor.core.diff.ReportDiff.FindingChange;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.core.store.StoredSnapshot;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The History screen: the score of every snapshot over time, and what changed between any two
 * (new, resolved and changed findings, publishers gained or lost, tokens by fingerprint). Reads the
 * snapshot database off the UI thread.
 */
public final class HistoryViewModel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** A point of the score chart. */
    public record ScorePoint(String label, int score) {
    }

    private final TaskExecutor tasks;
    private final Supplier<SnapshotArchive> archive;
    private final ZoneId zone;
    private final ObservableList<SnapshotSummary> snapshots = FXCollections.observableArrayList();
    private final ObservableList<ScorePoint> points = FXCollections.observableArrayList();
    private final ObservableList<DiffLine> diff = FXCollections.observableArrayList();
    private final ObjectProperty<SnapshotSummary> before = new SimpleObjectProperty<>();
    private final ObjectProperty<SnapshotSummary> after = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("No snapshots yet.");
    private final ReadOnlyStringWrapper diffSummary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);

    public HistoryViewModel(TaskExecutor tasks, Supplier<SnapshotArchive> archive, ZoneId zone) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** Reads the list of snapshots; selects the last two and compares them. */
    public void refresh() {
        SnapshotArchive source = archive.get();
        busy.set(true);
        tasks.execute(BackgroundTask.of("Read the snapshot history", source::list).onSuccess(list -> {
            busy.set(false);
            snapshots.setAll(list);
            points.setAll(list.stream().map(s -> new ScorePoint(label(s), s.score())).toList());
            message.set(list.isEmpty() ? "No snapshots yet in " + source.describe() + ": every audit run here is kept as one."
                    : list.size() + (list.size() == 1 ? " snapshot" : " snapshots") + " in " + source.describe() + ".");
            if (list.size() >= 2) {
                before.set(list.get(list.size() - 2));
                after.set(list.get(list.size() - 1));
                compare();
            } else {
                before.set(null);
                after.set(list.isEmpty() ? null : list.get(0));
                diff.clear();
                diffSummary.set(list.size() == 1 ? "One snapshot: nothing to compare yet." : "");
            }
        }).onFailure(error -> {
            busy.set(false);
            message.set("The snapshot history could not be read: " + describe(error) + ".");
        }));
    }

    /** Compares the two selected snapshots. */
    public void compare() {
        SnapshotSummary a = before.get();
        SnapshotSummary b = after.get();
        if (a == null || b == null) {
            diffSummary.set("Choose two snapshots to compare.");
            return;
        }
        SnapshotArchive source = archive.get();
        busy.set(true);
        tasks.execute(BackgroundTask.of("Compare two snapshots", () -> {
            StoredSnapshot x = source.get(a.id()).orElseThrow(() -> new IllegalStateException("snapshot " + a.id() + " is gone"));
            StoredSnapshot y = source.get(b.id()).orElseThrow(() -> new IllegalStateException("snapshot " + b.id() + " is gone"));
            return ReportDiff.between(x.report(), y.report());
        }).onSuccess(result -> {
            busy.set(false);
            diff.setAll(lines(result));
            diffSummary.set("From snapshot " + a.id() + " (score " + a.score() + ") to snapshot " + b.id() + " (score "
                    + b.score() + "): " + (result.isEmpty() ? "nothing changed."
                    : result.newFindings().size() + " new, " + result.resolved().size() + " resolved, "
                    + result.changed().size() + " changed, " + result.rosterChanges().size() + " publisher changes, "
                    + result.tokensAdded().size() + " tokens added, " + result.tokensRemoved().size() + " removed."));
        }).onFailure(error -> {
            busy.set(false);
            diff.clear();
            diffSummary.set("The snapshots could not be compared: " + describe(error) + ".");
        }));
    }

    static List<DiffLine> lines(ReportDiff d) {
        List<DiffLine> out = new ArrayList<>();
        d.newFindings().forEach(c -> out.add(new DiffLine(DiffLine.Kind.NEW, change(c))));
        d.resolved().forEach(c -> out.add(new DiffLine(DiffLine.Kind.RESOLVED, change(c))));
        d.changed().forEach(c -> out.add(new DiffLine(DiffLine.Kind.CHANGED, change(c))));
        d.rosterChanges().forEach(r -> out.add(new DiffLine(DiffLine.Kind.PUBLISHERS, r.subject()
                + (r.added().isEmpty() ? "" : ": gained " + String.join(", ", r.added()))
                + (r.removed().isEmpty() ? "" : (r.added().isEmpty() ? ": " : "; ") + "lost " + String.join(", ", r.removed())))));
        d.tokensAdded().forEach(t -> out.add(new DiffLine(DiffLine.Kind.TOKEN_ADDED, t.fingerprint() + " (" + t.check()
                + ", " + t.subject() + ")")));
        d.tokensRemoved().forEach(t -> out.add(new DiffLine(DiffLine.Kind.TOKEN_REMOVED, t.fingerprint() + " (" + t.check()
                + ", " + t.subject() + ")")));
        return out;
    }

    private static String change(FindingChange c) {
        return c.current().title() + " · " + c.subject() + " (" + c.check() + "): " + c.describe(c.before()) + " → "
                + c.describe(c.after());
    }

    /** How a snapshot is named in the chart and the choosers: {@code #3 · 2026-03-01 10:00 · 72}. */
    public String label(SnapshotSummary s) {
        return "#" + s.id() + " · " + WHEN.format(s.takenAt().atZone(zone)) + (s.demo() ? " · demo" : "");
    }

    private static String describe(Throwable error) {
        Throwable cause = error.getCause() != null && error.getMessage() == null ? error.getCause() : error;
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    public ObservableList<SnapshotSummary> snapshots() {
        return snapshots;
    }

    /** The score of each snapshot, oldest first. */
    public ObservableList<ScorePoint> points() {
        return points;
    }

    public ObservableList<DiffLine> diff() {
        return diff;
    }

    /** The older side of the comparison. */
    public ObjectProperty<SnapshotSummary> beforeProperty() {
        return before;
    }

    /** The newer side of the comparison. */
    public ObjectProperty<SnapshotSummary> afterProperty() {
        return after;
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty diffSummaryProperty() {
        return diffSummary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
