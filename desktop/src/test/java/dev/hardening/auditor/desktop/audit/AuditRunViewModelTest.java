package dev.hardening.auditor.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThread;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.ManualTaskExecutor;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class AuditRunViewModelTest {

    private static AuditRunViewModel runner(FakeAuditLauncher launcher) {
        return new AuditRunViewModel(launcher, new CurrentThreadTaskExecutor(), UiThread.direct());
    }

    @Test
    void a_completed_audit_publishes_its_report_and_a_summary() {
        FakeAuditLauncher launcher = FakeAuditLauncher.completing();
        AuditRunViewModel run = runner(launcher);

        run.start();

        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.reportProperty().get()).isEqualTo(SampleReports.everyStatus(true));
        assertThat(run.progress().statusLineProperty().get()).isEqualTo("Done: 6 checks, 6 findings in 1.2 s.");
        assertThat(run.progress().progressProperty().get()).isEqualTo(1.0);
        assertThat(run.failedProperty().get()).isFalse();
    }

    @Test
    void while_running_progress_events_drive_the_status_line_and_buttons() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        AuditRunViewModel run = runner(launcher);

        run.start();
        assertThat(run.progress().statusLineProperty().get()).isEqualTo("Starting the audit…");
        launcher.emit(new ProgressEvent.AuditStarted(6));
        launcher.emit(new ProgressEvent.FetchStarted(Platform.GITHUB, "GET /user"));

        assertThat(run.runningProperty().get()).isTrue();
        assertThat(run.canStartProperty().get()).isFalse();
        assertThat(run.canCancelProperty().get()).isTrue();
        assertThat(run.progress().statusLineProperty().get()).isEqualTo("0 of 6 checks done · fetching GitHub 1");

        launcher.complete(SampleReports.everyStatus(true));

        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.canStartProperty().get()).isTrue();
        assertThat(run.canCancelProperty().get()).isFalse();
    }

    @Test
    void cancel_stops_the_audit_and_shows_what_finished() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        AuditRunViewModel run = runner(launcher);
        run.start();

        run.cancel();

        assertThat(launcher.cancels()).isEqualTo(1);
        assertThat(run.runningProperty().get()).isFalse();
        AuditReport report = run.reportProperty().get();
        assertThat(report.metadata().cancelled()).isTrue();
        assertThat(run.progress().statusLineProperty().get())
                .isEqualTo("Cancelled: 2 findings kept; checks that had not finished are marked UNKNOWN.");
    }

    @Test
    void cancel_asked_twice_cancels_once_and_does_nothing_when_idle() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        AuditRunViewModel run = runner(launcher);
        run.cancel();
        assertThat(launcher.cancels()).isZero();

        ManualTaskExecutor tasks = new ManualTaskExecutor();
        AuditRunViewModel queued = new AuditRunViewModel(launcher, tasks, UiThread.direct());
        queued.start();
        tasks.runAll();
        queued.cancel();
        queued.cancel();
        tasks.runAll();

        assertThat(launcher.cancels()).isEqualTo(1);
    }

    @Test
    void a_cancel_before_the_audit_has_started_takes_effect_once_it_starts() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        AuditRunViewModel run = new AuditRunViewModel(launcher, tasks, UiThread.direct());

        run.start();
        assertThat(launcher.starts()).isZero();
        run.cancel();
        assertThat(run.progress().statusLineProperty().get()).startsWith("Cancelling…");
        tasks.runAll();

        assertThat(launcher.starts()).isEqualTo(1);
        assertThat(launcher.cancels()).isEqualTo(1);
        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.reportProperty().get().metadata().cancelled()).isTrue();
    }

    @Test
    void the_launcher_runs_through_the_task_executor_not_on_the_calling_thread() {
        FakeAuditLauncher launcher = FakeAuditLauncher.completing();
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        AuditRunViewModel run = new AuditRunViewModel(launcher, tasks, UiThread.direct());

        run.start();

        assertThat(launcher.starts()).as("started inline by start()").isZero();
        assertThat(tasks.pending()).isEqualTo(1);
    }

    @Test
    void a_second_start_while_running_is_ignored() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        AuditRunViewModel run = runner(launcher);

        run.start();
        run.start();

        assertThat(launcher.starts()).isEqualTo(1);
    }

    @Test
    void a_launcher_that_cannot_start_shows_why_and_allows_another_try() {
        FakeAuditLauncher launcher = FakeAuditLauncher.completing()
                .failOnStart(new UnsupportedOperationException("not yet implemented"));
        AuditRunViewModel run = runner(launcher);

        run.start();

        assertThat(run.runningProperty().get()).isFalse();
        assertThat(run.failedProperty().get()).isTrue();
        assertThat(run.canStartProperty().get()).isTrue();
        assertThat(run.reportProperty().get()).isNull();
        assertThat(run.progress().statusLineProperty().get()).isEqualTo("The audit could not run: not yet implemented");
    }

    @Test
    void an_audit_that_fails_midway_shows_the_cause_not_the_wrapper() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        AuditRunViewModel run = runner(launcher);
        run.start();

        launcher.failReport(new CompletionException(new IOException("connection reset")));

        assertThat(run.failedProperty().get()).isTrue();
        assertThat(run.progress().statusLineProperty().get()).isEqualTo("The audit could not run: connection reset");
    }

    @Test
    void events_of_an_earlier_run_do_not_touch_the_current_one() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        AuditRunViewModel run = runner(launcher);
        run.start();
        run.cancel();
        run.start();
        String current = run.progress().statusLineProperty().get();

        launcher.emit(0, new ProgressEvent.FetchStarted(Platform.NPM, "GET /late"));
        launcher.emit(0, new ProgressEvent.CheckFinished("late", 99, 100));

        assertThat(run.progress().statusLineProperty().get()).isEqualTo(current);
        assertThat(run.progress().fetchesInFlight()).doesNotContainKey(Platform.NPM);
    }

    @Test
    void events_are_handed_to_the_ui_thread() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        List<Runnable> uiQueue = new ArrayList<>();
        AuditRunViewModel run = new AuditRunViewModel(launcher, new CurrentThreadTaskExecutor(), uiQueue::add);
        run.start();
        uiQueue.clear();

        launcher.emit(new ProgressEvent.FetchStarted(Platform.GITHUB, "GET /user"));

        assertThat(run.progress().fetchesInFlight()).as("nothing changes off the UI thread").isEmpty();
        uiQueue.forEach(Runnable::run);
        assertThat(run.progress().fetchesInFlight()).containsEntry(Platform.GITHUB, 1);
    }

    @Test
    void a_burst_of_events_reaches_the_ui_thread_as_one_batch_in_order() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        List<Runnable> uiQueue = new ArrayList<>();
        AuditRunViewModel run = new AuditRunViewModel(launcher, new CurrentThreadTaskExecutor(), uiQueue::add);
        run.start();
        uiQueue.forEach(Runnable::run);
        uiQueue.clear();

        for (int i = 0; i < 1000; i++) {
            launcher.emit(new ProgressEvent.FetchStarted(Platform.NPM, "GET /p" + i));
            launcher.emit(new ProgressEvent.FetchFinished(Platform.NPM, "GET /p" + i, i % 10 != 0));
        }
        launcher.emit(new ProgressEvent.FetchStarted(Platform.PYPI, "GET /still-going"));

        assertThat(uiQueue).as("2,001 events, one UI task").hasSize(1);
        uiQueue.remove(0).run();
        assertThat(run.progress().fetchesInFlight()).containsOnly(java.util.Map.entry(Platform.PYPI, 1));
        assertThat(run.progress().sources()).filteredOn(r -> r.platform() == Platform.NPM).singleElement()
                .satisfies(r -> {
                    assertThat(r.requestsDone()).isEqualTo(1000);
                    assertThat(r.failed()).isEqualTo(100);
                    assertThat(r.inFlight()).isZero();
                });

        launcher.emit(new ProgressEvent.FetchFinished(Platform.PYPI, "GET /still-going", true));
        assertThat(uiQueue).as("an event after the batch ran posts a new one").hasSize(1);
        uiQueue.remove(0).run();
        assertThat(run.progress().fetchesInFlight()).isEmpty();
    }

    @Test
    void when_running_turns_false_the_outcome_is_already_published() {
        FakeAuditLauncher launcher = FakeAuditLauncher.completing();
        AuditRunViewModel run = runner(launcher);
        List<String> seen = new ArrayList<>();
        run.runningProperty().addListener((observable, was, running) -> {
            if (!running) {
                seen.add(run.reportProperty().get() == null ? "no report" : "report");
                seen.add(run.progress().statusLineProperty().get());
            }
        });

        run.start();

        assertThat(seen).containsExactly("report", "Done: 6 checks, 6 findings in 1.2 s.");
    }

    @Test
    void shutdown_cancels_at_once_and_ignores_what_the_audit_still_sends() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        ManualTaskExecutor tasks = new ManualTaskExecutor();
        AuditRunViewModel run = new AuditRunViewModel(launcher, tasks, UiThread.direct());
        run.start();
        tasks.runAll();

        run.shutdown();

        assertThat(launcher.cancels()).as("cancelled without the executor").isEqualTo(1);
        assertThat(tasks.pending()).isZero();
        assertThat(run.reportProperty().get()).as("the late cancelled report is ignored").isNull();
    }
}
