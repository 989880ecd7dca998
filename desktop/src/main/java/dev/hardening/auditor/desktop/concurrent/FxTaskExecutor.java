package dev.hardening.auditor.desktop.concurrent;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.concurrent.Task;

/**
 * Runs each {@link BackgroundTask} as a {@link Task} on a pool of daemon threads (so a stuck
 * task never keeps the app alive); JavaFX delivers the callbacks on the application thread.
 */
public final class FxTaskExecutor implements TaskExecutor {
    /** Prefix of the worker threads' names; tests look for it. */
    public static final String THREAD_PREFIX = "desktop-task-";

    private final ExecutorService pool;

    public FxTaskExecutor() {
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newCachedThreadPool(work -> {
            Thread thread = new Thread(work, THREAD_PREFIX + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    @Override
    public <V> Future<V> execute(BackgroundTask<V> task) {
        Task<V> fxTask = new Task<>() {
            @Override
            protected V call() throws Exception {
                return task.call();
            }
        };
        fxTask.setOnSucceeded(event -> task.succeeded(fxTask.getValue()));
        fxTask.setOnFailed(event -> task.failed(fxTask.getException()));
        pool.execute(fxTask);
        return fxTask;
    }

    @Override
    public void shutdown() {
        pool.shutdownNow();
    }
}
