package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.engine.ProgressListener;
import java.util.Objects;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;

/**
 * Refuses to start an audit on the UI thread. The app wraps its launcher in this, so a change
 * that starts audits from an event handler fails loudly in the TestFX tests instead of freezing
 * the window in front of a user.
 */
public final class BackgroundOnlyAuditLauncher implements AuditLauncher {
    private final AuditLauncher delegate;
    private final BooleanSupplier onUiThread;

    public BackgroundOnlyAuditLauncher(AuditLauncher delegate, BooleanSupplier onUiThread) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.onUiThread = Objects.requireNonNull(onUiThread, "onUiThread");
    }

    /** Guards against the JavaFX application thread. */
    public static AuditLauncher offFxThread(AuditLauncher delegate) {
        return new BackgroundOnlyAuditLauncher(delegate, Platform::isFxApplicationThread);
    }

    @Override
    public AuditHandle start(ProgressListener listener) {
        if (onUiThread.getAsBoolean()) {
            throw new IllegalStateException("an audit was started on the UI thread ("
                    + Thread.currentThread().getName() + "); start it through the TaskExecutor");
        }
        return delegate.start(listener);
    }
}
