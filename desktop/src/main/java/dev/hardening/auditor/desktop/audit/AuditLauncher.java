package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.engine.ProgressListener;

/**
 * Starts an audit. Starting may read resources and build HTTP clients, so it is never called on
 * the UI thread (see {@link BackgroundOnlyAuditLauncher}); progress events then arrive on the
 * audit's worker threads.
 */
@FunctionalInterface
public interface AuditLauncher {

    AuditHandle start(ProgressListener listener);
}
