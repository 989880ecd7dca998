package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.model.Finding;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** One audit in progress: a bounded worker pool, a timer per check, and cancellation. */
final class RunningAudit implements AuditRun {
    private static final AtomicInteger AUDIT_NUMBER = new AtomicInteger();

    private final List<RegisteredCheck> checks;
    private final AuditEngine.Settings settings;
    private final ProgressListener listener;
    private final Runnable cancelInFlight;
    private final Clock clock;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    private final AtomicInteger completed = new AtomicInteger();
    private final CompletableFuture<AuditResult> result = new CompletableFuture<>();
    private final List<CheckTask> tasks = new ArrayList<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private Instant startedAt;

    RunningAudit(List<RegisteredCheck> checks, AuditEngine.Settings settings, ProgressListener listener,
                 Runnable cancelInFlight, Clock clock) {
        this.checks = checks;
        this.settings = settings;
        this.listener = listener;
        this.cancelInFlight = cancelInFlight;
        this.clock = clock;
        int n = AUDIT_NUMBER.incrementAndGet();
        this.workers = Executors.newFixedThreadPool(Math.min(settings.concurrency(), Math.max(1, checks.size())),
                daemonThreads("audit-" + n + "-check-"));
        this.timers = Executors.newSingleThreadScheduledExecutor(daemonThreads("audit-" + n + "-timer-"));
    }

    void start(Function<RegisteredCheck, CheckContext> contexts) {
        startedAt = clock.instant();
        safeEmit(new ProgressEvent.AuditStarted(checks.size()));
        List<CompletableFuture<List<Finding>>> outcomes = new ArrayList<>();
        for (RegisteredCheck check : checks) {
            CheckTask task = new CheckTask(check, contexts.apply(check));
            tasks.add(task);
            outcomes.add(task.outcome);
        }
        for (CheckTask task : tasks) {
            workers.execute(task::run);
        }
        CompletableFuture.allOf(outcomes.toArray(CompletableFuture[]::new)).whenComplete((ignored, error) -> finish());
        if (checks.isEmpty()) {
            finish();
        }
    }

    private void finish() {
        List<Finding> all = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (CheckTask task : tasks) {
            all.addAll(task.outcome.getNow(List.of()));
            ran.add(task.check.id());
        }
        workers.shutdownNow();
        timers.shutdownNow();
        AuditResult r = new AuditResult(AuditEngine.sorted(all), ran, startedAt, clock.instant(), cancelled.get());
        if (result.complete(r)) {
            safeEmit(new ProgressEvent.AuditFinished(r.cancelled(), r.findings().size()));
        }
    }

    @Override
    public CompletableFuture<AuditResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        if (!cancelled.compareAndSet(false, true)) {
            return;
        }
        for (CheckTask task : tasks) {
            task.stop("the audit was cancelled before this check finished", "run the audit again");
        }
        try {
            cancelInFlight.run();
        } finally {
            workers.shutdownNow();
        }
    }

    @Override
    public boolean isCancelled() {
        return cancelled.get();
    }

    private void safeEmit(ProgressEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException ignored) {
            // A broken progress display must not break the audit.
        }
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** One check: runs once, and its outcome is set exactly once (by itself, its timer, or a cancel). */
    private final class CheckTask {
        final RegisteredCheck check;
        final CheckContext context;
        final CompletableFuture<List<Finding>> outcome = new CompletableFuture<>();
        private Thread runner;
        private boolean running;

        CheckTask(RegisteredCheck check, CheckContext context) {
            this.check = check;
            this.context = context;
        }

        void run() {
            if (outcome.isDone() || cancelled.get()) {
                return;
            }
            synchronized (this) {
                runner = Thread.currentThread();
                running = true;
            }
            safeEmit(new ProgressEvent.CheckStarted(check.id(), completed.get(), checks.size()));
            ScheduledFuture<?> timer = timers.schedule(
                    () -> stop("the check did not finish within " + settings.checkTimeout().toSeconds() + " s",
                            "retry later, or raise the time limit with --check-timeout"),
                    settings.checkTimeout().toMillis(), TimeUnit.MILLISECONDS);
            try {
                List<Finding> findings = CheckRunner.run(check, context);
                complete(findings);
            } finally {
                timer.cancel(false);
                synchronized (this) {
                    running = false;
                    runner = null;
                    Thread.interrupted(); // a late timer or cancel must not leak into the next check
                }
            }
        }

        /** Ends the check early with an UNKNOWN finding and interrupts it if it is running. */
        void stop(String reason, String needed) {
            if (complete(List.of(context.unknown(CheckRunner.SUBJECT_WHOLE_AUDIT, reason, needed)))) {
                synchronized (this) {
                    if (running && runner != null) {
                        runner.interrupt();
                    }
                }
            }
        }

        private boolean complete(List<Finding> findings) {
            if (outcome.complete(findings)) {
                safeEmit(new ProgressEvent.CheckFinished(check.id(), completed.incrementAndGet(), checks.size()));
                return true;
            }
            return false;
        }
    }
}
