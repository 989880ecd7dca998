package dev.hardening.auditor.core.http.internal;

import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/** Waits for backoff and rate-limit resets; replaceable in tests so they never really sleep. */
@FunctionalInterface
public interface Sleeper {
    /**
     * Really sleeps, in slices of at most 100 ms so that a cancelled call stops waiting at once
     * (cancelling an OkHttp call does not interrupt its thread).
     */
    Sleeper REAL = new Sleeper() {
        @Override
        public void sleep(Duration duration) throws InterruptedIOException {
            sleep(duration, () -> false);
        }

        @Override
        public void sleep(Duration duration, BooleanSupplier stop) throws InterruptedIOException {
            long deadline = System.nanoTime() + Math.max(0, duration.toNanos());
            try {
                for (long left = deadline - System.nanoTime(); left > 0 && !stop.getAsBoolean();
                        left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(100)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                InterruptedIOException io = new InterruptedIOException("interrupted while waiting");
                io.initCause(e);
                throw io;
            }
        }
    };

    void sleep(Duration duration) throws InterruptedIOException;

    /**
     * Waits, returning early once {@code stop} is true. Sleepers that do not really wait (tests)
     * need not override it.
     */
    default void sleep(Duration duration, BooleanSupplier stop) throws InterruptedIOException {
        sleep(duration);
    }
}
