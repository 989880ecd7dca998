package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.desktop.audit.AuditHandle;
import dev.hardening.auditor.desktop.audit.AuditLauncher;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An audit launcher without an engine. By default each run completes at once with a canned report;
 * {@link #holdUntilCancelled()} makes runs wait until cancelled (then they report
 * {@link SampleReports#cancelled()}) or {@link #complete completed}. Records the threads it ran on.
 */
public final class FakeAuditLauncher implements AuditLauncher {
    private final AuditReport report;
    private final List<ProgressEvent> eventsOnStart;
    private final List<ProgressListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Thread> startThreads = new CopyOnWriteArrayList<>();
    private final List<Thread> cancelThreads = new CopyOnWriteArrayList<>();
    private final AtomicInteger cancels = new AtomicInteger();
    private volatile boolean hold;
    private volatile RuntimeException failure;
    private volatile CompletableFuture<AuditReport> current;

    public FakeAuditLauncher(AuditReport report, List<ProgressEvent> eventsOnStart) {
        this.report = report;
        this.eventsOnStart = List.copyOf(eventsOnStart);
    }

    /** Completes with the sample report, after the events of a small audit. */
    public static FakeAuditLauncher completing() {
        return new FakeAuditLauncher(SampleReports.everyStatus(true), List.of(
                new ProgressEvent.AuditStarted(6),
                new ProgressEvent.CheckStarted("github.2fa", 0, 6),
                new ProgressEvent.CheckFinished("github.2fa", 6, 6),
                new ProgressEvent.AuditFinished(false, 6)));
    }

    /** Sends no events by itself and waits until cancelled or completed. */
    public static FakeAuditLauncher held() {
        return new FakeAuditLauncher(SampleReports.everyStatus(true), List.of()).holdUntilCancelled();
    }

    public FakeAuditLauncher holdUntilCancelled() {
        hold = true;
        return this;
    }

    /** The next start throws this, like a launcher whose demo world is missing. */
    public FakeAuditLauncher failOnStart(RuntimeException error) {
        failure = error;
        return this;
    }

    @Override
    public AuditHandle start(ProgressListener listener) {
        startThreads.add(Thread.currentThread());
        listeners.add(listener);
        if (failure != null) {
            throw failure;
        }
        eventsOnStart.forEach(listener::onEvent);
        CompletableFuture<AuditReport> future = hold ? new CompletableFuture<>() : CompletableFuture.completedFuture(report);
        current = future;
        return new AuditHandle(future, () -> {
            cancelThreads.add(Thread.currentThread());
            cancels.incrementAndGet();
            future.complete(SampleReports.cancelled());
        });
    }

    /** Sends an event to the listener of run {@code run} (0 = first). */
    public void emit(int run, ProgressEvent event) {
        listeners.get(run).onEvent(event);
    }

    /** Sends an event to the latest run's listener. */
    public void emit(ProgressEvent event) {
        emit(listeners.size() - 1, event);
    }

    /** Completes the latest held run. */
    public void complete(AuditReport result) {
        current.complete(result);
    }

    public void failReport(Throwable error) {
        current.completeExceptionally(error);
    }

    public int starts() {
        return startThreads.size();
    }

    public int cancels() {
        return cancels.get();
    }

    public List<Thread> startThreads() {
        return List.copyOf(startThreads);
    }

    public List<Thread> cancelThreads() {
        return List.copyOf(cancelThreads);
    }
}
