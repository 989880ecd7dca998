package dev.hardening.auditor.desktop.concurrent;

import java.util.concurrent.Future;

/**
 * Runs {@link BackgroundTask}s: the work on a background thread, the callbacks on the UI thread.
 * The app uses {@link FxTaskExecutor}; view-model tests use {@link CurrentThreadTaskExecutor}
 * and need no JavaFX toolkit.
 */
public interface TaskExecutor {

    <V> Future<V> execute(BackgroundTask<V> task);

    /** Stops accepting work and interrupts what is running. */
    void shutdown();
}
