package dev.hardening.auditor.desktop.concurrent;

import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Refuses I/O on the UI thread. Every service of the app that reads or writes files, the snapshot
 * database, the keychain or the network calls {@link #requireBackground} first, so a change that
 * calls one from an event handler fails loudly in the TestFX tests instead of freezing the window in
 * front of a user.
 */
public final class UiThreadGuard {
    private final BooleanSupplier onUiThread;

    public UiThreadGuard(BooleanSupplier onUiThread) {
        this.onUiThread = Objects.requireNonNull(onUiThread, "onUiThread");
    }

    /** Guards the JavaFX application thread. */
    public static UiThreadGuard fx() {
        return new UiThreadGuard(javafx.application.Platform::isFxApplicationThread);
    }

    /** Guards nothing: for view-model tests that run everything on the test thread. */
    public static UiThreadGuard none() {
        return new UiThreadGuard(() -> false);
    }

    public boolean onUiThread() {
        return onUiThread.getAsBoolean();
    }

    /** @throws IllegalStateException when called on the UI thread */
    public void requireBackground(String what) {
        if (onUiThread.getAsBoolean()) {
            throw new IllegalStateException(what + " must not run on the UI thread (" + Thread.currentThread().getName()
                    + "); run it through the TaskExecutor");
        }
    }
}
