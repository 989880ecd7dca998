package dev.hardening.auditor.core.secrets;

import java.util.Optional;

/**
 * Supplies the passphrase of an encrypted file (the signing key, the stored credentials): from
 * {@code AUDITOR_KEY_PASSPHRASE} or the console in the CLI, from a password field in the app.
 */
@FunctionalInterface
public interface PassphraseSource {
    /**
     * @param prompt  what to ask
     * @param confirm whether to ask twice (when a new key file is created)
     * @return the passphrase, or empty when none can be had (no variable and no console)
     */
    Optional<char[]> passphrase(String prompt, boolean confirm);

    static PassphraseSource of(char[] passphrase) {
        return (prompt, confirm) -> Optional.of(passphrase.clone());
    }
}
