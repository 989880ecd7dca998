package dev.hardening.auditor.sim.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A host's rate limits, the way the real services signal them: GitHub's primary limit per token and
 * hour with {@code X-RateLimit-*} headers on every answer (304s free, as on GitHub), GitHub's
 * secondary limit on concurrent requests (403 with {@code Retry-After}), and the registries' 429
 * with {@code Retry-After}.
 */
final class RateLimits {
    private final long windowStart = Instant.now().getEpochSecond();
    private final Map<String, AtomicInteger> usedByIdentity = new ConcurrentHashMap<>();
    private final AtomicLong currentSecond = new AtomicLong();
    private final AtomicInteger inCurrentSecond = new AtomicInteger();

    Optional<SimResponse> check(Host host, SimRequest request, Behaviour b, int inFlight) {
        if (b.maxConcurrent() > 0 && inFlight > b.maxConcurrent()) {
            return Optional.of(host == Host.GITHUB ? Faults.secondaryLimit() : Faults.tooManyRequests(1));
        }
        if (b.perSecond() > 0) {
            long second = System.currentTimeMillis() / 1000;
            if (currentSecond.getAndSet(second) != second) {
                inCurrentSecond.set(0);
            }
            if (inCurrentSecond.incrementAndGet() > b.perSecond()) {
                return Optional.of(host == Host.GITHUB ? Faults.secondaryLimit() : Faults.tooManyRequests(1));
            }
        }
        if (host == Host.GITHUB && b.hourlyLimit() > 0) {
            AtomicInteger used = usedByIdentity.computeIfAbsent(identity(request), k -> new AtomicInteger());
            if (used.get() >= limit(request, b)) {
                return Optional.of(Faults.primaryLimit(limit(request, b), windowStart + 3600));
            }
        }
        return Optional.empty();
    }

    /** Adds GitHub's rate-limit headers, counting the request unless it is answered 304 or refused. */
    SimResponse decorate(Host host, SimRequest request, Behaviour b, SimResponse response) {
        if (host != Host.GITHUB || b.hourlyLimit() <= 0) {
            return response;
        }
        AtomicInteger used = usedByIdentity.computeIfAbsent(identity(request), k -> new AtomicInteger());
        boolean conditional = request.header("if-none-match") != null && response.status() == 200
                && request.header("if-none-match").contains(String.valueOf(response.header("ETag")).replace("W/", ""));
        int n = response.status() == 403 || conditional ? used.get() : used.incrementAndGet();
        int limit = limit(request, b);
        Map<String, String> h = new LinkedHashMap<>();
        h.put("X-RateLimit-Limit", Integer.toString(limit));
        h.put("X-RateLimit-Remaining", Integer.toString(Math.max(0, limit - n)));
        h.put("X-RateLimit-Reset", Long.toString(windowStart + 3600));
        h.put("X-RateLimit-Used", Integer.toString(n));
        h.put("X-RateLimit-Resource", "core");
        return response.withHeaders(h);
    }

    private static int limit(SimRequest request, Behaviour b) {
        // GitHub allows 60 requests an hour without a token.
        return request.header("authorization") == null ? Math.min(60, b.hourlyLimit()) : b.hourlyLimit();
    }

    private static String identity(SimRequest request) {
        String auth = request.header("authorization");
        return auth == null ? "anonymous" : auth;
    }
}
