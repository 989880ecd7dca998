package dev.hardening.auditor.core;

import dev.hardening.auditor.core.engine.AuditRun;
import dev.hardening.auditor.core.http.RequestStats;
import dev.hardening.auditor.core.report.AuditReport;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/** An audit started by {@link Auditor}: its report when done, and cancellation. */
public final class AuditSession {
    private final AuditRun run;
    private final CompletableFuture<AuditReport> report;
    private final RequestStats stats;

    AuditSession(AuditRun run, CompletableFuture<AuditReport> report, RequestStats stats) {
        this.run = run;
        this.report = report;
        this.stats = stats;
    }

    public CompletableFuture<AuditReport> report() {
        return report;
    }

    /** Stops at once; the report keeps every finished finding and marks the rest UNKNOWN (cancelled). */
    public void cancel() {
        run.cancel();
    }

    public boolean isCancelled() {
        return run.isCancelled();
    }

    public RequestStats requestStats() {
        return stats;
    }

    public AuditReport await() throws InterruptedException {
        try {
            return report.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the audit failed: " + e.getCause().getClass().getSimpleName(), e.getCause());
        } catch (InterruptedException e) {
            run.cancel();
            throw e;
        }
    }
}
