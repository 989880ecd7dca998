package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.ReportMetadata;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThread;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Runs one audit at a time and follows it: starts it through the {@link TaskExecutor} (never on
 * the UI thread), hands its progress events and its report to the {@link UiThread}, and cancels
 * it on request. Every public method is called on the UI thread.
 */
public final class AuditRunViewModel {
    private static final String DEFAULT_DESCRIPTION = "the demo world (bundled, offline)";
    private final AuditLauncher launcher;
    private final TaskExecutor tasks;
    private final UiThread uiThread;
    private final AuditProgressViewModel progress;
    private final ReadOnlyStringWrapper runLabel = new ReadOnlyStringWrapper("No audit has run yet.");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper cancelRequested = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyObjectWrapper<AuditReport> report = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canStart = running.not();
    private final BooleanBinding canCancel = running.and(cancelRequested.not());

    /** Which run is current: events and results of an older run are dropped. */
    private int generation;
    private AuditHandle handle;
    private AuditLauncher lastLauncher;
    private String policySha256 = "";
    private String lastWhat = "";

    public AuditRunViewModel(AuditLauncher launcher, TaskExecutor tasks, UiThread uiThread) {
        this(launcher, tasks, uiThread, checkId -> Set.of());
    }

    /**
     * @param launcher         the audit {@link #start()} runs (the demo in the app)
     * @param platformsOfCheck the sources each check reads, for the per-source progress
     */
    public AuditRunViewModel(AuditLauncher launcher, TaskExecutor tasks, UiThread uiThread,
                             Function<String, Set<Platform>> platformsOfCheck) {
        this.launcher = Objects.requireNonNull(launcher, "launcher");
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.uiThread = Objects.requireNonNull(uiThread, "uiThread");
        this.progress = new AuditProgressViewModel(platformsOfCheck);
    }

    /** Starts the default audit unless one is running. */
    public void start() {
        start(launcher, DEFAULT_DESCRIPTION);
    }

    /**
     * Starts an audit unless one is running.
     *
     * @param what describes the audit on the Run screen, e.g. the targets
     * @return whether it started
     */
    public boolean start(AuditLauncher chosen, String what) {
        if (running.get()) {
            return false;
        }
        Objects.requireNonNull(chosen, "chosen");
        lastLauncher = chosen;
        lastWhat = what;
        runLabel.set("Auditing " + what);
        int run = ++generation;
        handle = null;
        running.set(true);
        cancelRequested.set(false);
        failed.set(false);
        progress.reset();
        ProgressListener listener = coalescing(run);
        tasks.execute(BackgroundTask.of("Start the audit", () -> chosen.start(listener))
                .onSuccess(started -> follow(run, started))
                .onFailure(error -> fail(run, error)));
        return true;
    }

    /**
     * Hands the audit's events to the UI thread in batches: a large audit sends two events per
     * request (26,000 for the full-size benchmark world in 30 s), and one UI task each would keep the
     * UI thread busy redrawing the progress rows. An event arriving while a batch is pending joins
     * it; the batch is applied in order, and the rows redrawn once.
     */
    private ProgressListener coalescing(int run) {
        ConcurrentLinkedQueue<ProgressEvent> pending = new ConcurrentLinkedQueue<>();
        AtomicBoolean batchPending = new AtomicBoolean();
        Runnable drain = () -> {
            batchPending.set(false); // an event added from here on posts another batch
            List<ProgressEvent> batch = new ArrayList<>();
            for (ProgressEvent e = pending.poll(); e != null; e = pending.poll()) {
                batch.add(e);
            }
            if (!batch.isEmpty() && isCurrent(run)) {
                progress.applyAll(batch);
            }
        };
        return event -> {
            pending.add(event);
            if (batchPending.compareAndSet(false, true)) {
                uiThread.execute(drain);
            }
        };
    }

    /** Runs the last audit again (the default one when none ran yet). */
    public boolean restart() {
        return lastLauncher == null ? start(launcher, DEFAULT_DESCRIPTION) : start(lastLauncher, lastWhat);
    }

    /** Asks the running audit to stop; its report still arrives, with what finished. */
    public void cancel() {
        if (!canCancel.get()) {
            return;
        }
        cancelRequested.set(true);
        progress.cancelling();
        if (handle != null) {
            cancelInBackground(handle);
        }
        // Otherwise the audit is still starting: follow() cancels it as soon as it has a handle.
    }

    /**
     * The app is closing: stops a running audit at once on the calling thread (the task executor
     * is about to shut down, so a queued cancel could be dropped) and ignores whatever it still sends.
     */
    public void shutdown() {
        generation++;
        AuditHandle stopping = handle;
        handle = null;
        if (stopping != null) {
            stopping.cancel();
        }
    }

    private void follow(int run, AuditHandle started) {
        if (!isCurrent(run)) {
            cancelInBackground(started);
            return;
        }
        handle = started;
        policySha256 = started.policySha256();
        if (cancelRequested.get()) {
            cancelInBackground(started);
        }
        started.report().whenComplete((result, error) -> uiThread.execute(() -> {
            if (error != null) {
                fail(run, error);
            } else {
                finish(run, result);
            }
        }));
    }

    private void cancelInBackground(AuditHandle target) {
        tasks.execute(BackgroundTask.of("Cancel the audit", () -> {
            target.cancel();
            return null;
        }));
    }

    private void finish(int run, AuditReport result) {
        if (!isCurrent(run)) {
            return;
        }
        handle = null;
        // Results first: whoever watches "running" turn false must find them in place.
        report.set(result);
        progress.finished(summary(result));
        running.set(false);
    }

    private void fail(int run, Throwable error) {
        if (!isCurrent(run)) {
            return;
        }
        handle = null;
        Throwable cause = unwrap(error);
        if (cause instanceof CancellationException) {
            progress.failed("Cancelled before any result was ready.");
        } else {
            failed.set(true);
            progress.failed("The audit could not run: " + describe(cause));
        }
        running.set(false);
    }

    private boolean isCurrent(int run) {
        return run == generation && running.get();
    }

    static String summary(AuditReport report) {
        ReportMetadata meta = report.metadata();
        int findings = report.findings().size();
        String found = findings + (findings == 1 ? " finding" : " findings");
        if (meta == null) {
            return "Done: " + found + ".";
        }
        if (meta.cancelled()) {
            return "Cancelled: " + found + " kept; checks that had not finished are marked UNKNOWN.";
        }
        int checks = meta.checksRun().size();
        return String.format(Locale.ROOT, "Done: %d %s, %s in %.1f s.", checks, checks == 1 ? "check" : "checks",
                found, meta.durationMillis() / 1000.0);
    }

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // Core exceptions never carry secrets (see DESIGN.md), so their message can be shown.
    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }

    public AuditProgressViewModel progress() {
        return progress;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** True while an audit runs and no cancel has been asked for. */
    public BooleanBinding canCancelProperty() {
        return canCancel;
    }

    /** True after the last audit failed to run. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The last completed report, cancelled ones included; null before the first. */
    public ReadOnlyObjectProperty<AuditReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The policy hash of the last report's audit, for its snapshot; empty without a policy. */
    public String policySha256() {
        return policySha256;
    }

    /** What the current or last audit looks at, e.g. "Auditing the demo world (bundled, offline)". */
    public ReadOnlyStringProperty runLabelProperty() {
        return runLabel.getReadOnlyProperty();
    }

    /** True when no audit is running. */
    public BooleanBinding canStartProperty() {
        return canStart;
    }
}
