package dev.hardening.auditor.sim.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Holds every request to a host until {@code needed} requests are in flight on it at once, then
 * lets all through (and every later one at once). A test sets it to show that the auditor keeps
 * that many requests in flight: if it does not, each request waits out {@code patience} and the
 * gate stays closed, which the test then sees in {@link #opened()}. No sleeping when it works.
 */
public final class ConcurrencyGate {
    private final int needed;
    private final Duration patience;
    private final CountDownLatch open = new CountDownLatch(1);

    public ConcurrencyGate(int needed, Duration patience) {
        if (needed < 1) {
            throw new IllegalArgumentException("needed must be at least 1");
        }
        this.needed = needed;
        this.patience = patience;
    }

    /** Called with the number in flight, this request included; returns when the gate is open or patience runs out. */
    void arrive(int inFlight) {
        if (inFlight >= needed) {
            open.countDown();
        }
        try {
            open.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether {@code needed} requests were ever in flight at once. */
    public boolean opened() {
        return open.getCount() == 0;
    }

    public int needed() {
        return needed;
    }
}
