package dev.hardening.auditor.sim.server;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Applies a fault to the requests of one host that a predicate selects, a limited number of times
 * (or always).
 */
public final class FaultRule {
    private final Host host;
    private final Predicate<SimRequest> selects;
    private final Fault fault;
    private final AtomicInteger remaining;

    private FaultRule(Host host, Predicate<SimRequest> selects, Fault fault, int times) {
        this.host = host;
        this.selects = selects;
        this.fault = fault;
        this.remaining = new AtomicInteger(times);
    }

    public static FaultRule always(Host host, Predicate<SimRequest> selects, Fault fault) {
        return new FaultRule(host, selects, fault, Integer.MAX_VALUE);
    }

    public static FaultRule times(Host host, Predicate<SimRequest> selects, Fault fault, int times) {
        return new FaultRule(host, selects, fault, times);
    }

    public Fault fault() {
        return fault;
    }

    /** Whether this rule strikes this request (and counts it). */
    boolean strikes(SimRequest request) {
        if (request.host() != host || !selects.test(request)) {
            return false;
        }
        while (true) {
            int left = remaining.get();
            if (left <= 0) {
                return false;
            }
            if (left == Integer.MAX_VALUE || remaining.compareAndSet(left, left - 1)) {
                return true;
            }
        }
    }
}
