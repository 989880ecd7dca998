package dev.hardening.auditor.sim.bound;

import dev.hardening.auditor.sim.bound.RequestPlan.Node;
import dev.hardening.auditor.sim.server.Host;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The shortest time any client could take for a {@link RequestPlan}, when each host answers after
 * its latency and the client keeps at most {@code perHost} requests in flight to one host (what the
 * auditor allows). Two lower bounds, of which the larger is reported:
 * <ul>
 *   <li>the longest dependency chain: a request cannot be sent before one of the requests it depends
 *       on is answered, so a chain of k requests takes k latencies;</li>
 *   <li>per host, the queue: of the requests to one host that cannot start before time a (their
 *       earliest start) and cannot be followed by less than b of dependent work elsewhere (their
 *       tail), at most {@code perHost} run at once, so the audit takes at least
 *       {@code a + ceil(n / perHost) * latency + b} (Jackson's bound, taken over every pair (a, b)).</li>
 * </ul>
 * Local work (parsing, scanning, the checks themselves) counts as nothing, so the tool can only be
 * slower than this.
 */
public final class LowerBound {

    /**
     * @param time         the bound
     * @param chain        the longest dependency chain's time
     * @param perHost      each host's queue bound
     * @param bottleneck   the host whose queue bound is the largest
     * @param chainLength  requests on the longest chain
     */
    public record Result(Duration time, Duration chain, Map<Host, Duration> perHost, Host bottleneck, int chainLength) {
    }

    private LowerBound() {
    }

    public static Result of(RequestPlan plan, Map<Host, Duration> latency, int perHostConcurrency) {
        Map<Node, Long> head = new HashMap<>();
        Map<Node, Integer> depth = new HashMap<>();
        List<Node> order = new ArrayList<>(plan.requests());
        // Nodes were added after what they depend on (or merged later with an earlier alternative): one pass in order.
        for (Node n : order) {
            long earliest = n.after().isEmpty() ? 0 : Long.MAX_VALUE;
            int d = 0;
            for (Node a : n.after()) {
                long done = head.getOrDefault(a, 0L) + nanos(latency, a.host());
                if (done < earliest) {
                    earliest = done;
                    d = depth.getOrDefault(a, 1);
                }
            }
            head.put(n, earliest);
            depth.put(n, d + 1);
        }
        // Tails: the least dependent work after a request. A request with alternatives need not be followed by any one of them.
        Map<Node, Long> tail = new HashMap<>();
        for (int i = order.size() - 1; i >= 0; i--) {
            tail.putIfAbsent(order.get(i), 0L);
        }
        for (int i = order.size() - 1; i >= 0; i--) {
            Node n = order.get(i);
            if (n.after().size() == 1) {
                Node a = n.after().get(0);
                long t = nanos(latency, n.host()) + tail.get(n);
                tail.put(a, Math.max(tail.get(a), t));
            }
        }
        long chain = 0;
        int chainLength = 0;
        for (Node n : order) {
            long end = head.get(n) + nanos(latency, n.host()) + tail.get(n);
            if (end > chain || end == chain && depth.get(n) > chainLength) {
                chain = end;
                chainLength = depth.get(n);
            }
        }
        Map<Host, Duration> perHost = new EnumMap<>(Host.class);
        Host bottleneck = null;
        long worst = 0;
        Map<Host, List<Node>> byHost = new EnumMap<>(Host.class);
        order.forEach(n -> byHost.computeIfAbsent(n.host(), h -> new ArrayList<>()).add(n));
        for (Map.Entry<Host, List<Node>> e : byHost.entrySet()) {
            long bound = jackson(e.getValue(), head, tail, nanos(latency, e.getKey()), perHostConcurrency);
            perHost.put(e.getKey(), Duration.ofNanos(bound));
            if (bound > worst) {
                worst = bound;
                bottleneck = e.getKey();
            }
        }
        return new Result(Duration.ofNanos(Math.max(chain, worst)), Duration.ofNanos(chain), perHost, bottleneck, chainLength);
    }

    /** max over (a, b) of a + ceil(|{j: head_j >= a, tail_j >= b}| / c) * L + b. */
    private static long jackson(List<Node> jobs, Map<Node, Long> head, Map<Node, Long> tail, long latency, int c) {
        TreeSet<Long> heads = new TreeSet<>();
        TreeSet<Long> tails = new TreeSet<>();
        jobs.forEach(j -> {
            heads.add(head.get(j));
            tails.add(tail.get(j));
        });
        long best = 0;
        for (long a : heads) {
            for (long b : tails) {
                long n = 0;
                for (Node j : jobs) {
                    if (head.get(j) >= a && tail.get(j) >= b) {
                        n++;
                    }
                }
                if (n > 0) {
                    best = Math.max(best, a + ((n + c - 1) / c) * latency + b);
                }
            }
        }
        return best;
    }

    private static long nanos(Map<Host, Duration> latency, Host h) {
        return latency.getOrDefault(h, Duration.ZERO).toNanos();
    }
}
