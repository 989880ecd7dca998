package dev.hardening.auditor.desktop.concurrent;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Runs the work and its callbacks at once on the calling thread: for tests and scripted runs. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <V> Future<V> execute(BackgroundTask<V> task) {
        V value;
        try {
            value = task.call();
        } catch (Exception e) {
            task.failed(e);
            return CompletableFuture.failedFuture(e);
        }
        task.succeeded(value);
        return CompletableFuture.completedFuture(value);
    }

    @Override
    public void shutdown() {
        // Nothing runs in the background.
    }
}
