package dev.hardening.auditor.core.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The certificate part of an OpenSSH certificate ({@code *-cert-v01@openssh.com}, PROTOCOL.certkeys).
 *
 * @param kind        {@code user} or {@code host}
 * @param validAfter  start of validity; empty for "always"
 * @param validBefore end of validity; empty for "forever"
 * @param signingCa   the certificate authority's key
 */
public record SshCertificate(String kind, Optional<Instant> validAfter, Optional<Instant> validBefore,
                             KeyDescription signingCa) {
    public SshCertificate {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(validAfter, "validAfter");
        Objects.requireNonNull(validBefore, "validBefore");
        Objects.requireNonNull(signingCa, "signingCa");
    }

    public boolean expiredAt(Instant now) {
        return validBefore.isPresent() && !validBefore.get().isAfter(now);
    }
}
