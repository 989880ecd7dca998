package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.facts.FactWaits;
import dev.hardening.auditor.core.facts.ReadAheadLanes;
import dev.hardening.auditor.core.model.Finding;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * One audit in progress: at most {@code concurrency} checks running at once, a timer per check,
 * and cancellation.
 *
 * <p>A check holds one of the {@code concurrency} slots while it runs, except while it waits for a
 * fact another thread is collecting: it lends its slot to the next queued check meanwhile, so that
 * every check gets to start, and ask for its facts, while the first ones wait for theirs (the
 * slots bound the checks doing work, not those waiting). A check whose wait ends takes its slot back
 * at once, even when the slots are all taken; the next queued check then waits until the count is
 * under the bound again. A check stopped by its
 * time limit or by a cancel gives its slot back at once, even if its thread has not noticed the
 * interrupt yet, so a check that ignores interrupts cannot stall the checks queued behind it; its
 * thread is abandoned (daemon) and interrupted again when the audit finishes.
 *
 * <p>The time limit is one of inactivity, not of length: a check is stopped when neither it nor the
 * audit has made progress (a fact collected, by anyone) for the limit, so a check that waits
 * behind a large organisation's shared facts is not stopped merely because there are many, while
 * a hung host, which collects nothing, still ends in UNKNOWN within the limit. A check is stopped
 * in any case once it has run ten times the limit (see {@link CheckTimeLimit}).
 *
 * <p>Each check's outcome is set exactly once, by itself, its timer or a cancel. The audit
 * finishes exactly once, after the last check's {@code CheckFinished} event has been emitted.
 */
final class RunningAudit implements AuditRun {
    private static final AtomicInteger AUDIT_NUMBER = new AtomicInteger();

    private final List<RegisteredCheck> checks;
    private final AuditEngine.Settings settings;
    private final ProgressListener listener;
    private final Runnable cancelInFlight;
    private final Clock clock;
    private final AtomicBoolean cancelled = new AtomicBoolean();
    /** Checks whose outcome is set; numbers the CheckFinished events. */
    private final AtomicInteger completed = new AtomicInteger();
    /** Checks whose CheckFinished event has been emitted; the last one finishes the audit. */
    private final AtomicInteger reported = new AtomicInteger();
    private final CompletableFuture<AuditResult> result = new CompletableFuture<>();
    private final ExecutorService workers;
    private final ScheduledExecutorService timers;
    private final ReadAheadLanes readAhead;
    /** When a fact was last collected (System.nanoTime), the audit's measure of progress. */
    private volatile long lastProgress = System.nanoTime();
    private final Object slots = new Object();
    private final Deque<CheckTask> queued = new ArrayDeque<>(); // guarded by slots
    private int freeSlots; // guarded by slots
    private volatile List<CheckTask> tasks = List.of();
    private volatile Instant startedAt;

    RunningAudit(List<RegisteredCheck> checks, AuditEngine.Settings settings, ProgressListener listener,
                 Runnable cancelInFlight, Clock clock) {
        this.checks = List.copyOf(checks);
        this.settings = settings;
        this.listener = listener;
        this.cancelInFlight = cancelInFlight;
        this.clock = clock;
        int n = AUDIT_NUMBER.incrementAndGet();
        // Threads are bounded by the slots, plus any abandoned checks still running.
        this.workers = Executors.newCachedThreadPool(daemonThreads("audit-" + n + "-check-"));
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemonThreads("audit-" + n + "-timer-"));
        timer.setRemoveOnCancelPolicy(true);
        this.timers = timer;
        this.readAhead = new ReadAheadLanes("audit-" + n, ReadAheadLanes.DEFAULT_THREADS_PER_LANE);
    }

    /** The threads that read facts ahead for this audit; shut down when it finishes or is cancelled. */
    ReadAheadLanes readAheadLanes() {
        return readAhead;
    }

    /** The check running on each worker thread, for {@link #factWaits}. */
    private final ThreadLocal<CheckTask> current = new ThreadLocal<>();

    /**
     * While a thread waits for a fact another thread is collecting: a check lends its slot, a
     * read-ahead lane lets another thread start (see {@link ReadAheadLanes}).
     */
    FactWaits factWaits() {
        FactWaits lanes = readAhead.waits();
        return new FactWaits() {
            @Override
            public void waiting() {
                CheckTask task = current.get();
                if (task != null) {
                    lendSlot(task);
                }
                lanes.waiting();
            }

            @Override
            public void resumed() {
                lanes.resumed();
                CheckTask task = current.get();
                if (task != null) {
                    takeSlotBack(task);
                }
            }
        };
    }

    private void lendSlot(CheckTask task) {
        synchronized (slots) {
            if (!task.holdsSlot) {
                return;
            }
            task.holdsSlot = false;
            task.lentSlot = true;
            freeSlots++;
        }
        launchQueued();
    }

    private void takeSlotBack(CheckTask task) {
        synchronized (slots) {
            // A check that ended while waiting (time limit, cancel) has nothing to take back.
            if (!task.lentSlot) {
                return;
            }
            task.lentSlot = false;
            if (!task.done.get()) {
                task.holdsSlot = true;
                freeSlots--; // may go below zero: no queued check starts until it is back above
            }
        }
    }

    /** A fact was collected: the audit is moving, so no check is stalled yet. */
    void progressed() {
        lastProgress = System.nanoTime();
    }

    void start(Function<RegisteredCheck, CheckContext> contexts) {
        startedAt = clock.instant();
        List<CheckTask> all = new ArrayList<>();
        for (RegisteredCheck check : checks) {
            all.add(new CheckTask(check, contexts.apply(check)));
        }
        // Every task exists before anyone (a listener) can see the audit and cancel it.
        tasks = List.copyOf(all);
        synchronized (slots) {
            queued.addAll(all);
            freeSlots = settings.concurrency();
        }
        safeEmit(new ProgressEvent.AuditStarted(checks.size()));
        if (all.isEmpty()) {
            finish();
            return;
        }
        launchQueued();
    }

    /** Starts queued checks while slots are free. */
    private void launchQueued() {
        while (true) {
            CheckTask next;
            synchronized (slots) {
                if (freeSlots <= 0 || queued.isEmpty() || cancelled.get()) {
                    return;
                }
                freeSlots--;
                next = queued.poll();
                next.holdsSlot = true;
            }
            try {
                workers.execute(next::run);
            } catch (RejectedExecutionException finished) {
                next.stop("the audit was cancelled before this check started", "run the audit again");
            }
        }
    }

    private void releaseSlot(CheckTask task) {
        synchronized (slots) {
            task.lentSlot = false;
            if (!task.holdsSlot) {
                return;
            }
            task.holdsSlot = false;
            freeSlots++;
        }
        launchQueued();
    }

    private void finish() {
        List<Finding> all = new ArrayList<>();
        List<String> ran = new ArrayList<>();
        for (CheckTask task : tasks) {
            all.addAll(task.findings);
            ran.add(task.check.id());
        }
        AuditResult r = new AuditResult(AuditEngine.sorted(all), ran, startedAt, clock.instant(), cancelled.get());
        // The event comes first, so that whoever waits for the result has seen every event.
        safeEmit(new ProgressEvent.AuditFinished(r.cancelled(), r.findings().size()));
        result.complete(r);
        // Interrupts abandoned checks, and the worker running this (it clears the flag itself).
        readAhead.shutdownNow();
        workers.shutdownNow();
        timers.shutdownNow();
    }

    @Override
    public CompletableFuture<AuditResult> result() {
        return result;
    }

    @Override
    public void cancel() {
        if (!cancelled.compareAndSet(false, true) || result.isDone()) {
            return;
        }
        for (CheckTask task : tasks) {
            task.stop("the audit was cancelled before this check finished", "run the audit again");
        }
        readAhead.shutdownNow();
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

    /** "120 s", "300 ms", "1.5 s". */
    static String describe(Duration d) {
        long ms = d.toMillis();
        if (ms < 1000) {
            return ms + " ms";
        }
        return ms % 1000 == 0 ? ms / 1000 + " s" : String.format(java.util.Locale.ROOT, "%.1f s", ms / 1000.0);
    }

    /** One check: runs at most once, and its outcome is set exactly once (by itself, its timer, or a cancel). */
    private final class CheckTask {
        final RegisteredCheck check;
        final CheckContext context;
        final AtomicBoolean done = new AtomicBoolean();
        volatile List<Finding> findings = List.of();
        boolean holdsSlot; // guarded by slots
        boolean lentSlot; // guarded by slots: waiting for a fact, its slot lent to another check
        private Thread runner; // guarded by this
        private volatile long startedNanos;
        private volatile ScheduledFuture<?> timer;

        CheckTask(RegisteredCheck check, CheckContext context) {
            this.check = check;
            this.context = context;
        }

        void run() {
            synchronized (this) {
                if (done.get()) {
                    return;
                }
                runner = Thread.currentThread();
            }
            current.set(this);
            List<Finding> produced;
            try {
                if (!done.get()) {
                    safeEmit(new ProgressEvent.CheckStarted(check.id(), completed.get(), checks.size()));
                }
                startedNanos = System.nanoTime();
                scheduleTimeLimit(settings.checkTimeout().toNanos());
                produced = CheckRunner.run(check, context);
            } catch (Throwable t) {
                // CheckRunner turns what a check throws into UNKNOWN; this is the last resort.
                complete(List.of(context.unknown(CheckRunner.SUBJECT_WHOLE_AUDIT,
                        "the check failed with " + t.getClass().getSimpleName() + " before reaching a verdict",
                        "run with --debug and report the problem")));
                if (t instanceof VirtualMachineError fatal) {
                    throw fatal;
                }
                return;
            } finally {
                synchronized (this) {
                    ScheduledFuture<?> t = timer;
                    if (t != null) {
                        t.cancel(false);
                    }
                    runner = null;
                }
                current.remove();
                // A time limit or cancel that struck late must not leak into the next check on this thread.
                Thread.interrupted();
            }
            complete(produced);
            Thread.interrupted(); // finish() may have interrupted this worker
        }

        private void scheduleTimeLimit(long delayNanos) {
            try {
                ScheduledFuture<?> next = timers.schedule(this::timeLimitReached, delayNanos, TimeUnit.NANOSECONDS);
                synchronized (this) {
                    timer = next;
                    if (done.get()) {
                        next.cancel(false);
                    }
                }
            } catch (RejectedExecutionException finished) {
                // the audit was cancelled meanwhile; this check's outcome is already set
            }
        }

        /** Stops the check if it has been idle for its limit, or has run for the hard limit; else waits again. */
        private void timeLimitReached() {
            if (done.get()) {
                return;
            }
            CheckTimeLimit.Decision decision = new CheckTimeLimit(settings.checkTimeout())
                    .decide(startedNanos, lastProgress, System.nanoTime());
            if (decision instanceof CheckTimeLimit.Decision.Stop stop) {
                stop(stop.reason(), "retry later, or raise the time limit with --check-timeout");
            } else if (decision instanceof CheckTimeLimit.Decision.WaitMore wait) {
                scheduleTimeLimit(wait.nanos());
            }
        }

        /** Ends the check early with an UNKNOWN finding, and interrupts it if it is running. */
        void stop(String reason, String needed) {
            if (complete(List.of(context.unknown(CheckRunner.SUBJECT_WHOLE_AUDIT, reason, needed)))) {
                synchronized (this) {
                    if (runner != null) {
                        runner.interrupt();
                    }
                }
            }
        }

        private boolean complete(List<Finding> produced) {
            if (!done.compareAndSet(false, true)) {
                return false;
            }
            findings = List.copyOf(produced);
            safeEmit(new ProgressEvent.CheckFinished(check.id(), completed.incrementAndGet(), checks.size()));
            releaseSlot(this);
            if (reported.incrementAndGet() == tasks.size()) {
                finish();
            }
            return true;
        }
    }
}
