package dev.hardening.auditor.core.http.internal;

import java.io.InterruptedIOException;
import java.time.Duration;

/** Waits for backoff and rate-limit resets; replaceable in tests so they never really sleep. */
@FunctionalInterface
public interface Sleeper {
    Sleeper REAL = duration -> {
        try {
            Thread.sleep(Math.max(0, duration.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException io = new InterruptedIOException("interrupted while waiting");
            io.initCause(e);
            throw io;
        }
    };

    void sleep(Duration duration) throws InterruptedIOException;
}
