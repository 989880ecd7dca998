package dev.hardening.auditor.core.facts.workstation;

import java.util.Objects;
import java.util.Optional;

/**
 * A private key file in {@code ~/.ssh}, described without its secret part.
 *
 * @param file        as shown, e.g. {@code ~/.ssh/id_ed25519}
 * @param format      {@code openssh-key-v1}, {@code PEM (PKCS#1)}, {@code PEM (PKCS#8)}, {@code PEM (SEC1)}, ...
 * @param type        the SSH key type, e.g. {@code ssh-ed25519}, {@code ssh-rsa}, {@code ssh-dss},
 *                    {@code ecdsa-sha2-nistp256}, {@code sk-ssh-ed25519@openssh.com}; empty when unknown
 *                    (an encrypted PKCS#8 key without its {@code .pub} file)
 * @param bits        the key size; 0 when unknown
 * @param encrypted   whether a passphrase protects it
 * @param cipher      the cipher named in the file ({@code none}, {@code aes256-ctr}, {@code AES-128-CBC}, ...)
 * @param fingerprint {@code SHA256:...} of the public key as {@code ssh-keygen -l} prints it, when known
 * @param problem     why the file could not be fully read; empty when it was
 */
public record SshPrivateKey(String file, String format, String type, int bits, boolean encrypted, String cipher,
                            Optional<String> fingerprint, String problem) {
    public SshPrivateKey {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        type = type == null ? "" : type;
        cipher = cipher == null ? "" : cipher;
        Objects.requireNonNull(fingerprint, "fingerprint");
        problem = problem == null ? "" : problem;
    }

    /** Whether the key lives on a FIDO security key (the file holds only a handle). */
    public boolean hardwareBacked() {
        return type.startsWith("sk-");
    }
}
