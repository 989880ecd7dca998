package dev.hardening.auditor.checks.github.signingkeys;

import dev.hardening.auditor.core.facts.github.GitHubSshSigningKey;
import dev.hardening.auditor.core.keys.KeyDescription;
import dev.hardening.auditor.core.keys.KeyStrength;
import dev.hardening.auditor.core.keys.SshPublicKey;
import dev.hardening.auditor.core.model.Evidence;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One key that can make signatures GitHub verifies, with what is known of it.
 *
 * @param label       how to name it: kind and key id or fingerprint (never the key itself)
 * @param description algorithm and size; null when not known
 * @param problem     why the key could not be fully read
 */
record SigningKey(String label, KeyDescription description, Instant createdAt, Optional<Instant> expiresAt,
                  boolean expired, boolean revoked, boolean securityKey, Optional<String> problem, String source) {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    static SigningKey ofGpg(String label, KeyDescription description, Instant createdAt, Optional<Instant> expiresAt,
                            boolean expired, boolean revoked, Optional<String> problem, String source) {
        return new SigningKey(label, description, createdAt, expiresAt, expired, revoked, false, problem, source);
    }

    static SigningKey ofSsh(String label, GitHubSshSigningKey key, Instant now, String source) {
        Optional<SshPublicKey> k = key.key();
        return new SigningKey(label, k.map(SshPublicKey::description).orElse(null), key.createdAt().orElse(null),
                k.flatMap(SshPublicKey::certificate).flatMap(c -> c.validBefore()),
                k.map(p -> p.expiredAt(now)).orElse(false), false, k.map(SshPublicKey::securityKey).orElse(false),
                key.problem(), source);
    }

    boolean usable() {
        return !expired && !revoked;
    }

    /** Weak when known to be weak; otherwise a key that could not be fully read is not vouched for. */
    KeyStrength strength() {
        KeyStrength known = description == null ? KeyStrength.UNKNOWN : KeyStrength.of(description).strength();
        if (known == KeyStrength.WEAK) {
            return known;
        }
        return problem.isPresent() ? KeyStrength.UNKNOWN : known;
    }

    /** {@code GPG key 37473B3758C44F36: RSA 2048}, for messages. */
    String display() {
        return label + ": " + (description == null ? "algorithm not known" : description.display());
    }

    Evidence evidence() {
        List<String> parts = new ArrayList<>();
        parts.add(description == null ? "algorithm not known" : description.display() + (securityKey ? " (security key)" : ""));
        if (description != null) {
            KeyStrength.Assessment a = KeyStrength.of(description);
            if (a.strength() != KeyStrength.STRONG) {
                parts.add(a.reason());
            }
        }
        if (createdAt != null) {
            parts.add("created " + DATE.format(createdAt));
        }
        if (revoked) {
            parts.add("revoked");
        }
        expiresAt.ifPresent(e -> parts.add((expired ? "expired " : "expires ") + DATE.format(e)));
        if (expiresAt.isEmpty() && expired) {
            parts.add("expired with its primary key");
        }
        problem.ifPresent(parts::add);
        return Evidence.of(label, String.join("; ", parts), source);
    }
}
