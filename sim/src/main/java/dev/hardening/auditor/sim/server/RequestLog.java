package dev.hardening.auditor.sim.server;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/** Every request the simulated world received, with what it answered. Thread-safe. */
public final class RequestLog {
    /**
     * One exchange.
     *
     * @param credentials the credential headers the request carried (authorization, hibp-api-key), by name
     * @param bytes       body bytes sent
     * @param fault       the fault applied, if any
     */
    public record Entry(Host host, String method, String target, String resourceKey, Map<String, String> credentials,
                        int status, long bytes, long startNanos, long endNanos, Fault fault) {
    }

    private final ConcurrentLinkedQueue<Entry> entries = new ConcurrentLinkedQueue<>();
    private final Map<Host, AtomicInteger> inFlight = new ConcurrentHashMap<>();
    private final Map<Host, AtomicInteger> maxInFlight = new ConcurrentHashMap<>();

    void add(Entry e) {
        entries.add(e);
    }

    /** Counts a request in flight on {@code host}; returns how many are in flight now. */
    int started(Host host) {
        int n = inFlight.computeIfAbsent(host, h -> new AtomicInteger()).incrementAndGet();
        maxInFlight.computeIfAbsent(host, h -> new AtomicInteger()).accumulateAndGet(n, Math::max);
        return n;
    }

    void finished(Host host) {
        inFlight.get(host).decrementAndGet();
    }

    /**
     * Waits until no exchange is in flight, at most {@code timeout}; whether that happened. The
     * server logs an exchange after sending its answer, which the client may already have read:
     * whoever counts an audit's requests right after the audit waits for this first.
     */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inFlight.values().stream().anyMatch(n -> n.get() > 0)) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries);
    }

    /** The most requests that were in flight at once on each host. */
    public Map<Host, Integer> maxInFlight() {
        Map<Host, Integer> out = new EnumMap<>(Host.class);
        maxInFlight.forEach((h, n) -> out.put(h, n.get()));
        return out;
    }

    public void clear() {
        entries.clear();
        maxInFlight.clear();
    }

    /** Requests per host. */
    public Map<Host, Long> countByHost() {
        Map<Host, Long> out = new EnumMap<>(Host.class);
        for (Entry e : entries) {
            out.merge(e.host(), 1L, Long::sum);
        }
        return out;
    }

    /** How often each resource was requested, by host and key, in order of first request. */
    public Map<String, Integer> countByResource() {
        Map<String, Integer> out = new LinkedHashMap<>();
        for (Entry e : entries) {
            out.merge(e.host() + " " + e.resourceKey(), 1, Integer::sum);
        }
        return out;
    }
}
