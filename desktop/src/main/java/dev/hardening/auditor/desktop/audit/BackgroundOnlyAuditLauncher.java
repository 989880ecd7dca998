package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * Refuses to start an audit on the UI thread, and counts progress events that arrive on it (an audit
 * step — a request, a check — running on the UI thread would send them from there). The app wraps
 * every launcher in this, so a change that runs audit work from an event handler fails loudly in
 * the TestFX tests instead of freezing the window in front of a user.
 */
public final class BackgroundOnlyAuditLauncher implements AuditLauncher {
    private final AuditLauncher delegate;
    private final UiThreadGuard guard;
    private final AtomicInteger eventsOnUiThread = new AtomicInteger();
    private final AtomicInteger events = new AtomicInteger();

    public BackgroundOnlyAuditLauncher(AuditLauncher delegate, BooleanSupplier onUiThread) {
        this(delegate, new UiThreadGuard(onUiThread));
    }

    public BackgroundOnlyAuditLauncher(AuditLauncher delegate, UiThreadGuard guard) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** Guards against the JavaFX application thread. */
    public static BackgroundOnlyAuditLauncher offFxThread(AuditLauncher delegate) {
        return new BackgroundOnlyAuditLauncher(delegate, UiThreadGuard.fx());
    }

    @Override
    public AuditHandle start(ProgressListener listener) {
        guard.requireBackground("an audit");
        return delegate.start(event -> {
            events.incrementAndGet();
            if (guard.onUiThread()) {
                eventsOnUiThread.incrementAndGet();
            }
            listener.onEvent(event);
        });
    }

    /** Progress events seen, on any thread. */
    public int events() {
        return events.get();
    }

    /** Progress events sent from the UI thread: audit work that ran there. Always 0 in a healthy app. */
    public int eventsOnUiThread() {
        return eventsOnUiThread.get();
    }
}
