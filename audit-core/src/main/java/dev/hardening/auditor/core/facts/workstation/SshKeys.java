package dev.hardening.auditor.core.facts.workstation;

import dev.hardening.auditor.core.facts.Unavailability;
import java.util.List;

/**
 * The private keys in the SSH directory.
 *
 * @param directory as shown, e.g. {@code ~/.ssh}
 * @param exists    whether the directory exists
 * @param keys      every file that holds a private key
 * @param gaps      files that could not be read
 */
public record SshKeys(String directory, boolean exists, List<SshPrivateKey> keys, List<Unavailability> gaps) {
    public SshKeys {
        keys = List.copyOf(keys);
        gaps = List.copyOf(gaps);
    }
}
