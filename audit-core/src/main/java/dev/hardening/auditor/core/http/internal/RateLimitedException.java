package dev.hardening.auditor.core.http.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/** A rate limit that would not reset within the allowed wait. */
public final class RateLimitedException extends IOException {
    private final String host;
    private final transient Optional<Instant> resetAt;
    private final transient Duration wait;
    private final boolean secondary;
    private final long limit;

    public RateLimitedException(String host, Optional<Instant> resetAt, boolean secondary) {
        this(host, resetAt, Duration.ZERO, secondary, OptionalLong.empty());
    }

    /**
     * @param resetAt   when the limit resets, as the server announced it
     * @param wait      how long from now that is
     * @param secondary GitHub's secondary (abuse) limit, or a registry's plain 429
     * @param limit     the requests allowed per window ({@code X-RateLimit-Limit}), when sent
     */
    public RateLimitedException(String host, Optional<Instant> resetAt, Duration wait, boolean secondary,
                                OptionalLong limit) {
        super((secondary ? "secondary rate limit" : "rate limit") + " reached on " + host
                + resetAt.map(r -> " until " + r).orElse(""));
        this.host = host;
        this.resetAt = resetAt;
        this.wait = wait;
        this.secondary = secondary;
        this.limit = limit.orElse(-1);
    }

    public String host() {
        return host;
    }

    public Optional<Instant> resetAt() {
        return resetAt;
    }

    public Duration waitNeeded() {
        return wait;
    }

    public boolean secondary() {
        return secondary;
    }

    /** Requests allowed per window, e.g. 60 for anonymous GitHub calls and 5,000 with a token. */
    public OptionalLong limit() {
        return limit < 0 ? OptionalLong.empty() : OptionalLong.of(limit);
    }
}
