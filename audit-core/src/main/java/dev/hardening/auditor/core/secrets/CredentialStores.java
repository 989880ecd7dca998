package dev.hardening.auditor.core.secrets;

import dev.hardening.auditor.core.secrets.CredentialStore.CredentialStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/** Picks where credentials live on this machine. */
public final class CredentialStores {
    private CredentialStores() {
    }

    /**
     * The encrypted file when it exists already (so values do not move silently); otherwise the OS
     * keychain when one answers; otherwise a new encrypted file. Talks to the keychain: not on a UI thread.
     */
    public static CredentialStore auto(Path file, PassphraseSource passphrases, Argon2Parameters cost, SecureRandom random) {
        EncryptedFileCredentialStore encrypted = new EncryptedFileCredentialStore(file, passphrases, cost, random);
        if (Files.exists(file)) {
            return encrypted;
        }
        try {
            KeychainCredentialStore keychain = KeychainCredentialStore.open();
            // A backend can exist without a daemon behind it (Linux without a desktop session): ask once.
            keychain.contains("probe");
            return keychain;
        } catch (CredentialStoreException e) {
            return encrypted;
        }
    }
}
