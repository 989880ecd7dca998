package dev.hardening.auditor.sim.server;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Holds the requests it selects on a host until {@code needed} of them are in flight at once, then
 * lets all through (and every later one at once). A test sets it to show that the auditor keeps
 * that many requests in flight: if it does not, each held request waits out {@code patience} and
 * the gate stays closed, which the test sees in {@link #opened()}. No sleeping when it works.
 */
public final class ConcurrencyGate {
    private final int needed;
    private final Duration patience;
    private final Predicate<SimRequest> holds;
    private final AtomicInteger held = new AtomicInteger();
    private final CountDownLatch open = new CountDownLatch(1);

    /** @param holds the requests the gate holds and counts; the others pass at once */
    public ConcurrencyGate(int needed, Duration patience, Predicate<SimRequest> holds) {
        if (needed < 1) {
            throw new IllegalArgumentException("needed must be at least 1");
        }
        this.needed = needed;
        this.patience = patience;
        this.holds = holds;
    }

    boolean holds(SimRequest request) {
        return holds.test(request);
    }

    /** A held request arrives; returns when the gate is open or patience runs out. Matched by {@link #leave()}. */
    void arrive() {
        if (held.incrementAndGet() >= needed) {
            open.countDown();
        }
        try {
            open.await(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    void leave() {
        held.decrementAndGet();
    }

    /** Whether {@code needed} held requests were ever in flight at once. */
    public boolean opened() {
        return open.getCount() == 0;
    }
}
