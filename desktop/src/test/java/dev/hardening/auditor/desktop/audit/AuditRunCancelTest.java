package dev.hardening.auditor.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThread;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Cancel with real threads and no toolkit: a "UI thread" (one single-thread executor), a task pool,
 * and an audit whose engine thread is mid-way (two sources answered, one check done) and blocked
 * until cancelled. Latches, no sleeps: cancel releases the engine at once and the report that comes
 * back keeps what finished.
 */
class AuditRunCancelTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(r -> new Thread(r, "test-ui"));
    private final ExecutorService pool = Executors.newCachedThreadPool();
    private final UiThread uiThread = ui::execute;
    private final TaskExecutor tasks = new TaskExecutor() {
        @Override
        public <V> Future<V> execute(BackgroundTask<V> task) {
            return pool.submit(() -> {
                try {
                    V value = task.call();
                    ui.execute(() -> task.succeeded(value));
                    return value;
                } catch (Exception e) {
                    ui.execute(() -> task.failed(e));
                    throw e;
                }
            });
        }

        @Override
        public void shutdown() {
            pool.shutdownNow();
        }
    };

    @AfterEach
    void stop() {
        pool.shutdownNow();
        ui.shutdownNow();
    }

    @Test
    void cancel_releases_the_engine_at_once_and_keeps_the_findings_that_finished() throws Exception {
        CountDownLatch midway = new CountDownLatch(1);
        CountDownLatch cancelled = new CountDownLatch(1);
        CountDownLatch engineStopped = new CountDownLatch(1);
        CompletableFuture<AuditReport> report = new CompletableFuture<>();
        AuditReport engineReport = SampleReports.cancelled();
        AuditLauncher launcher = listener -> {
            Thread engine = new Thread(() -> {
                listener.onEvent(new ProgressEvent.AuditStarted(3));
                listener.onEvent(new ProgressEvent.FetchStarted(Platform.GITHUB, "GET /user"));
                listener.onEvent(new ProgressEvent.FetchFinished(Platform.GITHUB, "GET /user", true));
                listener.onEvent(new ProgressEvent.CheckStarted("github.2fa", 0, 3));
                listener.onEvent(new ProgressEvent.CheckFinished("github.2fa", 1, 3));
                listener.onEvent(new ProgressEvent.FetchStarted(Platform.NPM, "GET /-/npm/v1/user"));
                listener.onEvent(new ProgressEvent.FetchFinished(Platform.NPM, "GET /-/npm/v1/user", true));
                listener.onEvent(new ProgressEvent.CheckStarted("npm.2fa", 1, 3));
                midway.countDown();
                try {
                    // The rest of the audit: a slow request, until cancelled (no timeout would pass here).
                    cancelled.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                engineStopped.countDown();
            }, "engine");
            engine.start();
            // What the engine reports when cancelled: the finished check, the others UNKNOWN.
            return new AuditHandle(report, () -> {
                cancelled.countDown();
                report.complete(engineReport);
            });
        };
        Function<String, java.util.Set<Platform>> platforms = id -> id.startsWith("github") ? java.util.Set.of(Platform.GITHUB)
                : java.util.Set.of(Platform.NPM);
        AuditRunViewModel run = onUi(() -> new AuditRunViewModel(launcher, tasks, uiThread, platforms));

        onUi(() -> run.start(launcher, "a slow audit"));
        assertThat(midway.await(10, TimeUnit.SECONDS)).isTrue();
        awaitOnUi(() -> run.progress().sources().stream().anyMatch(s -> s.checksDone() == 1) && run.canCancelProperty().get());
        Map<Platform, SourceProgress> sources = onUi(() -> run.progress().sources().stream()
                .collect(Collectors.toMap(SourceProgress::platform, s -> s)));
        assertThat(sources.get(Platform.GITHUB).requestsDone()).isEqualTo(1);
        assertThat(sources.get(Platform.GITHUB).checksDone()).isEqualTo(1);
        assertThat(sources.get(Platform.NPM).requestsDone()).isEqualTo(1);
        assertThat(sources.get(Platform.NPM).checksRunning()).isEqualTo(1);
        assertThat(sources).containsKeys(Platform.PYPI, Platform.HIBP, Platform.RDAP, Platform.WORKSTATION);

        onUi(() -> {
            run.cancel();
            return null;
        });

        assertThat(engineStopped.await(10, TimeUnit.SECONDS)).as("the engine thread was released by cancel").isTrue();
        awaitOnUi(() -> !run.runningProperty().get());
        AuditReport kept = onUi(() -> run.reportProperty().get());
        assertThat(kept).as("the engine's partial report is what the app keeps").isSameAs(engineReport);
        assertThat(onUi(() -> run.progress().statusLineProperty().get()))
                .startsWith("Cancelled: 2 findings kept");
    }

    private <T> T onUi(Callable<T> work) throws Exception {
        return ui.submit(work).get(10, TimeUnit.SECONDS);
    }

    /** Polls the UI thread's state, each poll queued behind the events already sent (no sleeping). */
    private void awaitOnUi(Callable<Boolean> condition) throws Exception {
        for (int i = 0; i < 100_000; i++) {
            if (onUi(condition)) {
                return;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("the condition did not hold");
    }
}
