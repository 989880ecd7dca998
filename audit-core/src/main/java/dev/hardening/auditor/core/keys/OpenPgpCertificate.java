package dev.hardening.auditor.core.keys;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A transferable OpenPGP public key: the primary key and its subkeys. User IDs are not kept: they
 * hold names and addresses, and no verdict needs them.
 *
 * @param fromSecretKey whether the block was a secret (private) key; only its public part is read
 */
public record OpenPgpCertificate(OpenPgpKey primary, List<OpenPgpKey> subkeys, boolean fromSecretKey) {
    public OpenPgpCertificate {
        Objects.requireNonNull(primary, "primary");
        subkeys = List.copyOf(subkeys);
    }

    /** The primary key and every subkey that may sign, primary first. */
    public List<OpenPgpKey> signingKeys() {
        List<OpenPgpKey> out = new ArrayList<>();
        if (primary.canSign()) {
            out.add(primary);
        }
        subkeys.stream().filter(OpenPgpKey::canSign).forEach(out::add);
        return out;
    }
}
