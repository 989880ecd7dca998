package dev.hardening.auditor.core.facts;

import java.util.Objects;

/**
 * Why a fact could not be collected, and what would let it be collected. Becomes the message and
 * the {@code needed} field of an UNKNOWN finding.
 *
 * @param cause  the kind of failure
 * @param reason what went wrong, in one sentence (never a secret, never a stack trace)
 * @param needed what would let the check run, e.g. "a GITHUB_TOKEN with the read:org scope"
 */
public record Unavailability(Cause cause, String reason, String needed) {
    public Unavailability {
        Objects.requireNonNull(cause, "cause");
        Objects.requireNonNull(reason, "reason");
        needed = needed == null ? "" : needed;
    }

    /** The kinds of failure, so that callers can react (e.g. treat NOT_FOUND as an answer). */
    public enum Cause {
        NO_CREDENTIAL,
        UNAUTHORIZED,
        FORBIDDEN,
        NOT_FOUND,
        RATE_LIMITED,
        SERVER_ERROR,
        NETWORK,
        TIMEOUT,
        MALFORMED,
        TOO_LARGE,
        NOT_CONFIGURED,
        CANCELLED,
        INTERNAL
    }

    public static Unavailability of(Cause cause, String reason, String needed) {
        return new Unavailability(cause, reason, needed);
    }
}
