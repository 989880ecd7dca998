package dev.hardening.auditor.core.http.internal;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** A rate limit that would not reset within the allowed wait. */
public final class RateLimitedException extends IOException {
    private final String host;
    private final transient Optional<Instant> resetAt;
    private final boolean secondary;

    public RateLimitedException(String host, Optional<Instant> resetAt, boolean secondary) {
        super((secondary ? "secondary rate limit" : "rate limit") + " reached on " + host
                + resetAt.map(r -> " until " + r).orElse(""));
        this.host = host;
        this.resetAt = resetAt;
        this.secondary = secondary;
    }

    public String host() {
        return host;
    }

    public Optional<Instant> resetAt() {
        return resetAt;
    }

    public boolean secondary() {
        return secondary;
    }
}
