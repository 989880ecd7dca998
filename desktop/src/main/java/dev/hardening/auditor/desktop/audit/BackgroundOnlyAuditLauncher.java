package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.core.engine.ProgressEvent;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
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
    private final List<String> stepsOnUiThread = new CopyOnWriteArrayList<>();

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
                step(event).ifPresent(stepsOnUiThread::add);
            }
            listener.onEvent(event);
        });
    }

    /** The audit step an event marks the start of: a request or a check. */
    private static Optional<String> step(ProgressEvent event) {
        if (event instanceof ProgressEvent.FetchStarted fetch) {
            return Optional.of("request " + fetch.platform() + " " + fetch.what());
        }
        if (event instanceof ProgressEvent.CheckStarted check) {
            return Optional.of("check " + check.checkId());
        }
        return Optional.empty();
    }

    /** The requests and checks that started on the UI thread, in order. Always empty in a healthy app. */
    public List<String> stepsOnUiThread() {
        return List.copyOf(stepsOnUiThread);
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
