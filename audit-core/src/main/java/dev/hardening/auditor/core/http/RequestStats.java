package dev.hardening.auditor.core.http;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Per-host request counters of one audit; shown in the report's metadata. Thread-safe. */
public final class RequestStats {
    private final Map<String, Counters> byHost = new ConcurrentHashMap<>();

    private static final class Counters {
        final LongAdder requests = new LongAdder();
        final LongAdder network = new LongAdder();
        final LongAdder cacheHits = new LongAdder();
        final LongAdder notModified = new LongAdder();
        final LongAdder retries = new LongAdder();
        final LongAdder errors = new LongAdder();
        final LongAdder bytes = new LongAdder();
    }

    private Counters of(String host) {
        return byHost.computeIfAbsent(host, h -> new Counters());
    }

    public void request(String host) {
        of(host).requests.increment();
    }

    public void networkRequest(String host) {
        of(host).network.increment();
    }

    public void cacheHit(String host) {
        of(host).cacheHits.increment();
    }

    public void notModified(String host) {
        of(host).notModified.increment();
    }

    public void retry(String host) {
        of(host).retries.increment();
    }

    public void error(String host) {
        of(host).errors.increment();
    }

    public void bytes(String host, long n) {
        of(host).bytes.add(n);
    }

    /** A consistent-enough copy, sorted by host. */
    public Map<String, HostStats> snapshot() {
        Map<String, HostStats> out = new TreeMap<>();
        byHost.forEach((host, c) -> out.put(host, new HostStats(c.requests.sum(), c.network.sum(), c.cacheHits.sum(),
                c.notModified.sum(), c.retries.sum(), c.errors.sum(), c.bytes.sum())));
        return out;
    }

    public long totalNetworkRequests() {
        return byHost.values().stream().mapToLong(c -> c.network.sum()).sum();
    }
}
