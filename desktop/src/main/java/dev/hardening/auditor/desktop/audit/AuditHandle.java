package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.report.AuditReport;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * An audit in progress, as the app sees it: the report when it is done, and a way to stop it.
 * Cancelling still completes the report, with what finished so far.
 *
 * @param report       completes on an audit thread
 * @param canceller    stops the audit; quick and safe to call more than once
 * @param policySha256 the hash of the policy the audit is judged against (kept with its snapshot), or empty
 */
public record AuditHandle(CompletableFuture<AuditReport> report, Runnable canceller, String policySha256) {
    public AuditHandle {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(canceller, "canceller");
        policySha256 = policySha256 == null ? "" : policySha256;
    }

    public AuditHandle(CompletableFuture<AuditReport> report, Runnable canceller) {
        this(report, canceller, "");
    }

    public void cancel() {
        canceller.run();
    }
}
