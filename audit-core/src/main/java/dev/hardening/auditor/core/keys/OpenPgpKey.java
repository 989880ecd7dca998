package dev.hardening.auditor.core.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One OpenPGP key (a primary key or a subkey) as its verified self-signatures describe it.
 *
 * @param keyId       the 64-bit key id, 16 upper-case hex digits (as GitHub's {@code key_id})
 * @param fingerprint the full fingerprint in upper-case hex
 * @param version     the packet version (3, 4 or 6)
 * @param description algorithm and size or curve
 * @param createdAt   creation time from the key packet
 * @param expiresAt   when the latest self-signature says it expires; empty when it never does
 * @param revoked     whether a verified revocation signature (by the key itself, or for a subkey by its primary) is present
 * @param usage       key flags of the latest self-signature, or what the algorithm allows when it carries none
 */
public record OpenPgpKey(String keyId, String fingerprint, int version, KeyDescription description, Instant createdAt,
                         Optional<Instant> expiresAt, boolean revoked, Set<KeyUsage> usage) {
    public OpenPgpKey {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        usage = Set.copyOf(usage);
    }

    public boolean canSign() {
        return usage.contains(KeyUsage.SIGN);
    }

    /** Whether the key has expired at {@code now} (the audit's clock, not the wall clock). */
    public boolean expiredAt(Instant now) {
        return expiresAt.isPresent() && !expiresAt.get().isAfter(now);
    }
}
