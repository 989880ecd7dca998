package dev.hardening.auditor.sim.server;

import java.time.Duration;
import java.util.Objects;

/**
 * How one simulated host behaves apart from its data.
 *
 * @param latency              time to the first byte of every answer
 * @param hourlyLimit          GitHub's primary limit per token and hour ({@code X-RateLimit-*} headers;
 *                             0 for none); 304 answers do not count, as on GitHub
 * @param maxConcurrent        more requests in flight at once than this are refused (GitHub's secondary
 *                             limit: 403 with {@code Retry-After}; a registry's: 429); 0 for no limit
 * @param perSecond            more requests than this within one second get 429 with {@code Retry-After}; 0 for no limit
 */
public record Behaviour(Duration latency, int hourlyLimit, int maxConcurrent, int perSecond) {
    public Behaviour {
        Objects.requireNonNull(latency, "latency");
    }

    public static Behaviour instant() {
        return new Behaviour(Duration.ZERO, 0, 0, 0);
    }

    public static Behaviour latency(Duration latency) {
        return new Behaviour(latency, 0, 0, 0);
    }

    public Behaviour withHourlyLimit(int limit) {
        return new Behaviour(latency, limit, maxConcurrent, perSecond);
    }

    public Behaviour withMaxConcurrent(int n) {
        return new Behaviour(latency, hourlyLimit, n, perSecond);
    }

    public Behaviour withPerSecond(int n) {
        return new Behaviour(latency, hourlyLimit, maxConcurrent, n);
    }
}
