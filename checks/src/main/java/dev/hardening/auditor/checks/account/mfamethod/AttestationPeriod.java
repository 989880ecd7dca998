package dev.hardening.auditor.checks.account.mfamethod;

import dev.hardening.auditor.core.policy.Policy;
import java.time.Duration;

/**
 * How long a declaration stays trusted before the audit asks again. The policy file does not carry
 * this period yet; when it does, read it here and fall back to the default.
 */
final class AttestationPeriod {
    static final Duration DEFAULT = Duration.ofDays(180);

    private AttestationPeriod() {
    }

    static Duration of(Policy policy) {
        return DEFAULT;
    }
}
