package dev.hardening.auditor.checks.account.mfamethod;

import dev.hardening.auditor.core.policy.Policy;
import java.time.Duration;

/**
 * How long a declaration stays trusted before the audit asks again: the policy's
 * {@code attestations.max-age}, else {@value #DEFAULT_DAYS} days.
 */
final class AttestationPeriod {
    static final int DEFAULT_DAYS = 180;
    static final Duration DEFAULT = Duration.ofDays(DEFAULT_DAYS);
    static final String POLICY_KEY = "attestations.max-age";

    private AttestationPeriod() {
    }

    static Duration of(Policy policy) {
        return policy.attestationPeriod().orElse(DEFAULT);
    }

    /** Where the period comes from, for evidence. */
    static String source(Policy policy) {
        return policy.attestationPeriod().isPresent() ? policy.describe(POLICY_KEY)
                : "declarations are trusted for " + DEFAULT_DAYS + " days without a policy";
    }
}
