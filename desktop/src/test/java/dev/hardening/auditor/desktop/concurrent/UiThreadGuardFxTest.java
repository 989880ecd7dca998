package dev.hardening.auditor.desktop.concurrent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.desktop.audit.AuditHandle;
import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.audit.BackgroundOnlyAuditLauncher;
import dev.hardening.auditor.desktop.audit.DemoAuditLauncher;
import dev.hardening.auditor.desktop.testing.DemoReport;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The guard that keeps audit work off the JavaFX application thread, proved both ways with a running
 * toolkit: the real engine on the demo world sends every step (each request, each check) from
 * background threads, and a launcher that does audit work on the FX thread is caught. The app wraps
 * every launcher in the guard, and the window's tests assert it saw nothing on the FX thread.
 */
@ExtendWith(ApplicationExtension.class)
class UiThreadGuardFxTest {

    @Test
    void the_real_engine_on_the_demo_world_runs_no_step_on_the_fx_thread() throws Exception {
        BackgroundOnlyAuditLauncher guarded = BackgroundOnlyAuditLauncher.offFxThread(new DemoAuditLauncher(DemoReport.registry()));

        // Started from a background thread, as AuditRunViewModel does through the FxTaskExecutor.
        AuditHandle handle = CompletableFuture.supplyAsync(() -> guarded.start(ProgressListener.NONE)).get(30, TimeUnit.SECONDS);
        handle.report().get(120, TimeUnit.SECONDS);

        assertThat(guarded.events()).as("requests and checks seen").isGreaterThan(100);
        assertThat(guarded.eventsOnUiThread()).isZero();
        assertThat(guarded.stepsOnUiThread()).isEmpty();
    }

    @Test
    void a_launcher_that_runs_checks_and_requests_on_the_fx_thread_is_caught() throws Exception {
        // A broken launcher: returns at once but does its work with Platform.runLater, on the FX thread.
        AuditLauncher onFxThread = listener -> {
            CompletableFuture<dev.hardening.auditor.core.report.AuditReport> report = new CompletableFuture<>();
            javafx.application.Platform.runLater(() -> {
                listener.onEvent(new ProgressEvent.FetchStarted(Platform.GITHUB, "GET /user"));
                listener.onEvent(new ProgressEvent.CheckStarted("github.2fa", 0, 1));
                report.complete(SampleReports.everyStatus(false));
            });
            return new AuditHandle(report, () -> { });
        };
        BackgroundOnlyAuditLauncher guarded = BackgroundOnlyAuditLauncher.offFxThread(onFxThread);

        CompletableFuture.supplyAsync(() -> guarded.start(ProgressListener.NONE)).get(10, TimeUnit.SECONDS).report()
                .get(10, TimeUnit.SECONDS);

        assertThat(guarded.eventsOnUiThread()).isEqualTo(2);
        assertThat(guarded.stepsOnUiThread()).containsExactly("request GITHUB GET /user", "check github.2fa");
    }

    @Test
    void starting_an_audit_on_the_fx_thread_is_refused_before_any_work() throws Exception {
        int[] started = {0};
        BackgroundOnlyAuditLauncher guarded = BackgroundOnlyAuditLauncher.offFxThread(listener -> {
            started[0]++;
            return new AuditHandle(CompletableFuture.completedFuture(SampleReports.everyStatus(false)), () -> { });
        });
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        javafx.application.Platform.runLater(() -> {
            try {
                guarded.start(ProgressListener.NONE);
                refused.complete(null);
            } catch (RuntimeException e) {
                refused.complete(e);
            }
        });

        assertThat(refused.get(10, TimeUnit.SECONDS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("must not run on the UI thread");
        assertThat(started[0]).isZero();
        assertThatThrownBy(() -> new UiThreadGuard(() -> true).requireBackground("reading the snapshot database"))
                .hasMessageStartingWith("reading the snapshot database must not run on the UI thread");
    }
}
