package dev.hardening.auditor.desktop.concurrent;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Work to run off the UI thread, with what to do on the UI thread when it succeeds or fails.
 * A {@link TaskExecutor} decides which threads those are, so view models that build tasks can be
 * tested on the current thread.
 *
 * @param <V> the result of the work
 */
public final class BackgroundTask<V> {
    private final String title;
    private final Callable<V> work;
    private Consumer<? super V> onSuccess = value -> { };
    private Consumer<? super Throwable> onFailure = error -> { };

    private BackgroundTask(String title, Callable<V> work) {
        this.title = Objects.requireNonNull(title, "title");
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <V> BackgroundTask<V> of(String title, Callable<V> work) {
        return new BackgroundTask<>(title, work);
    }

    /** Runs on the UI thread with the result. */
    public BackgroundTask<V> onSuccess(Consumer<? super V> callback) {
        this.onSuccess = Objects.requireNonNull(callback, "callback");
        return this;
    }

    /** Runs on the UI thread with the error. */
    public BackgroundTask<V> onFailure(Consumer<? super Throwable> callback) {
        this.onFailure = Objects.requireNonNull(callback, "callback");
        return this;
    }

    /** What the task does, for thread names and error messages. */
    public String title() {
        return title;
    }

    /** The work itself; executors call it on a background thread. */
    public V call() throws Exception {
        return work.call();
    }

    /** Executors call this on the UI thread. */
    public void succeeded(V value) {
        onSuccess.accept(value);
    }

    /** Executors call this on the UI thread. */
    public void failed(Throwable error) {
        onFailure.accept(error);
    }
}
