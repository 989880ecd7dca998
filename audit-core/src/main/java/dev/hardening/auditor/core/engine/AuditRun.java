package dev.hardening.auditor.core.engine;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A running audit: its eventual result, and a way to stop it at once. */
public interface AuditRun {

    /** Completes when every check has finished, timed out or been cancelled. Never completes exceptionally. */
    CompletableFuture<AuditResult> result();

    /** Stops the audit now: in-flight requests are cancelled; finished findings are kept. */
    void cancel();

    boolean isCancelled();

    default AuditResult await() throws InterruptedException {
        try {
            return result().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit failed", e.getCause());
        }
    }

    default AuditResult await(long timeout, TimeUnit unit) throws InterruptedException, TimeoutException {
        try {
            return result().get(timeout, unit);
        } catch (ExecutionException e) {
            throw new IllegalStateException("audit failed", e.getCause());
        }
    }
}
