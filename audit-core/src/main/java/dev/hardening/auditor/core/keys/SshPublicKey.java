package dev.hardening.auditor.core.keys;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An OpenSSH public key line, read. The comment is not kept: it is often {@code user@host}.
 *
 * @param type        the key type as written, e.g. {@code ssh-ed25519} or {@code sk-ssh-ed25519@openssh.com}
 * @param description algorithm and size or curve of the key itself (for a certificate, of the certified key)
 * @param securityKey whether the private key lives on a FIDO security key ({@code sk-} types)
 * @param fingerprint {@code SHA256:...} as {@code ssh-keygen -l} prints it (a certificate's is its key's)
 * @param certificate present for {@code *-cert-v01@openssh.com} keys
 */
public record SshPublicKey(String type, KeyDescription description, boolean securityKey, String fingerprint,
                           Optional<SshCertificate> certificate) {
    public SshPublicKey {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(certificate, "certificate");
    }

    /** Only certificates expire; a plain OpenSSH key never does. */
    public boolean expiredAt(Instant now) {
        return certificate.isPresent() && certificate.get().expiredAt(now);
    }
}
