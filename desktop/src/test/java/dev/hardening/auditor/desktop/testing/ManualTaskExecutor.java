package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;

/** Queues tasks until the test runs them, to act in the gap between "started" and "running". */
public final class ManualTaskExecutor implements TaskExecutor {
    private final Deque<Runnable> queue = new ArrayDeque<>();
    private final CurrentThreadTaskExecutor runner = new CurrentThreadTaskExecutor();

    @Override
    public <V> Future<V> execute(BackgroundTask<V> task) {
        CompletableFuture<V> result = new CompletableFuture<>();
        queue.add(() -> {
            try {
                result.complete(runner.execute(task).get());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Runs queued tasks, including those they queue, until none is left. */
    public void runAll() {
        while (!queue.isEmpty()) {
            queue.poll().run();
        }
    }

    public int pending() {
        return queue.size();
    }

    @Override
    public void shutdown() {
        queue.clear();
    }
}
