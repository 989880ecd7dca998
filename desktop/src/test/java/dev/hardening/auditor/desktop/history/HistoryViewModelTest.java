package dev.hardening.auditor.desktop.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.testing.DemoReport;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The History screen's view model over the real SQLite snapshot store, without a toolkit. */
class HistoryViewModelTest {
    @TempDir
    Path dir;

    private SqliteSnapshotArchive archive() {
        return new SqliteSnapshotArchive(dir.resolve("snapshots.db"), new SecretRedactor(), UiThreadGuard.none());
    }

    private HistoryViewModel history(SnapshotArchive archive) {
        return new HistoryViewModel(new CurrentThreadTaskExecutor(), () -> archive, ZoneOffset.UTC);
    }

    @Test
    void no_database_yet_means_no_snapshots_and_says_where_they_will_be() {
        HistoryViewModel history = history(archive());

        history.refresh();

        assertThat(history.snapshots()).isEmpty();
        assertThat(history.points()).isEmpty();
        assertThat(history.messageProperty().get()).startsWith("No snapshots yet in ").contains("snapshots.db");
    }

    @Test
    void one_snapshot_is_a_point_with_nothing_to_compare() {
        SqliteSnapshotArchive archive = archive();
        archive.save(DemoReport.get(), "");
        HistoryViewModel history = history(archive);

        history.refresh();

        assertThat(history.points()).hasSize(1);
        assertThat(history.diff()).isEmpty();
        assertThat(history.diffSummaryProperty().get()).isEqualTo("One snapshot: nothing to compare yet.");
    }

    @Test
    void the_demo_history_is_a_rising_score_over_time_and_the_last_two_are_compared() {
        SqliteSnapshotArchive archive = archive();
        AuditReport today = DemoReport.get();
        DemoHistory.record(archive, today, "");
        HistoryViewModel history = history(archive);

        history.refresh();

        assertThat(history.snapshots()).hasSize(3).allSatisfy(s -> assertThat(s.demo()).isTrue());
        List<Integer> scores = history.points().stream().map(HistoryViewModel.ScorePoint::score).toList();
        assertThat(scores).isSorted().last().isEqualTo(today.score());
        assertThat(history.points().get(0).label()).startsWith("#1 · ").endsWith(" · demo");
        assertThat(history.beforeProperty().get().id()).isEqualTo(2);
        assertThat(history.afterProperty().get().id()).isEqualTo(3);
        assertThat(history.diff()).singleElement().satisfies(line -> assertThat(line.kind()).isEqualTo(DiffLine.Kind.RESOLVED));
        assertThat(history.diffSummaryProperty().get()).startsWith("From snapshot 2 (score ").contains("1 resolved");
    }

    @Test
    void any_two_snapshots_can_be_compared_either_way() {
        SqliteSnapshotArchive archive = archive();
        DemoHistory.record(archive, DemoReport.get(), "");
        HistoryViewModel history = history(archive);
        history.refresh();
        SnapshotSummary first = history.snapshots().get(0);
        SnapshotSummary last = history.snapshots().get(2);

        history.beforeProperty().set(first);
        history.afterProperty().set(last);
        history.compare();
        assertThat(history.diff()).hasSize(3).allSatisfy(line -> assertThat(line.kind()).isEqualTo(DiffLine.Kind.RESOLVED));

        history.beforeProperty().set(last);
        history.afterProperty().set(first);
        history.compare();
        assertThat(history.diff()).hasSize(3).allSatisfy(line -> assertThat(line.kind()).isNotEqualTo(DiffLine.Kind.RESOLVED));
        assertThat(history.diffSummaryProperty().get()).startsWith("From snapshot 3");
    }

    @Test
    void the_same_snapshot_twice_changed_nothing_and_a_missing_choice_asks_for_two() {
        SqliteSnapshotArchive archive = archive();
        DemoHistory.record(archive, DemoReport.get(), "");
        HistoryViewModel history = history(archive);
        history.refresh();

        history.beforeProperty().set(history.snapshots().get(1));
        history.afterProperty().set(history.snapshots().get(1));
        history.compare();
        assertThat(history.diff()).isEmpty();
        assertThat(history.diffSummaryProperty().get()).endsWith("nothing changed.");

        history.beforeProperty().set(null);
        history.compare();
        assertThat(history.diffSummaryProperty().get()).isEqualTo("Choose two snapshots to compare.");
    }

    @Test
    void reading_the_database_refuses_the_ui_thread() {
        SqliteSnapshotArchive onUi = new SqliteSnapshotArchive(dir.resolve("snapshots.db"), new SecretRedactor(),
                new UiThreadGuard(() -> true));
        HistoryViewModel history = history(onUi);

        history.refresh();

        assertThat(history.messageProperty().get()).startsWith("The snapshot history could not be read: ")
                .contains("must not run on the UI thread");
    }
}
