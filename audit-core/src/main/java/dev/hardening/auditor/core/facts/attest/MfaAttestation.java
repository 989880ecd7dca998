package dev.hardening.auditor.core.facts.attest;

import dev.hardening.auditor.core.model.Platform;
import java.time.Instant;
import java.util.Objects;

/**
 * What the user declared about one account's second factor, and when.
 *
 * @param platform   GitHub, npm or PyPI
 * @param method     the declared method
 * @param attestedAt when it was declared
 */
public record MfaAttestation(Platform platform, MfaMethod method, Instant attestedAt) {
    public MfaAttestation {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(attestedAt, "attestedAt");
    }
}
