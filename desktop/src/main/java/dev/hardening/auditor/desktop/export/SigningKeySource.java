package dev.hardening.auditor.desktop.export;

import dev.hardening.auditor.core.secrets.Argon2Parameters;
import dev.hardening.auditor.core.secrets.PassphraseSource;
import dev.hardening.auditor.core.signing.EncryptedFileKeyStore;
import dev.hardening.auditor.core.signing.KeychainKeyStore;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.signing.SigningKeyStore;
import dev.hardening.auditor.core.signing.SigningKeyStore.KeyStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * The key a signed snapshot is signed with. The app uses the installation's key, where the command
 * line keeps it ({@code auditor keys}): the encrypted key file when it exists, else the OS keychain,
 * else a new key file; the demo signs with a key made for the session. Talks to the keychain and the
 * disk: never on the UI thread.
 */
public interface SigningKeySource {

    /** Where the key is, for messages. */
    String describe();

    /** Whether unlocking needs a passphrase (an encrypted key file). */
    boolean needsPassphrase() throws KeyStoreException;

    /**
     * The key, created on first use. {@code passphrase} (wiped here) unlocks or creates an encrypted
     * key file; it is ignored by the keychain.
     */
    SigningKey load(char[] passphrase) throws KeyStoreException;

    /** A key made once per session: demo snapshots are signed, but not with anyone's real key. */
    static SigningKeySource throwaway() {
        return new SigningKeySource() {
            private SigningKey key;

            @Override
            public String describe() {
                return "a throwaway key made for this demo session (not your installation's key)";
            }

            @Override
            public boolean needsPassphrase() {
                return false;
            }

            @Override
            public synchronized SigningKey load(char[] passphrase) {
                Arrays.fill(passphrase, '\0');
                if (key == null) {
                    key = SigningKey.generate(new SecureRandom());
                }
                return key;
            }
        };
    }

    /** The installation's key, as {@code auditor keys init} and {@code auditor export} find it. */
    static SigningKeySource installation(Path keyFile) {
        return new SigningKeySource() {
            private SigningKeyStore store(char[] passphrase) throws KeyStoreException {
                PassphraseSource typed = (prompt, confirm) -> passphrase.length == 0 ? Optional.empty()
                        : Optional.of(passphrase.clone());
                EncryptedFileKeyStore file = new EncryptedFileKeyStore(keyFile, typed, Argon2Parameters.recommended(),
                        new SecureRandom());
                if (Files.exists(keyFile)) {
                    return file;
                }
                try {
                    KeychainKeyStore keychain = KeychainKeyStore.open();
                    // A backend can exist without a daemon behind it (Linux without a desktop session): ask once.
                    keychain.publicKey();
                    return keychain;
                } catch (KeyStoreException e) {
                    return file;
                }
            }

            @Override
            public String describe() {
                return Files.exists(keyFile) ? "the encrypted key file " + keyFile : "the OS keychain, or " + keyFile;
            }

            @Override
            public boolean needsPassphrase() throws KeyStoreException {
                return store(new char[0]) instanceof EncryptedFileKeyStore;
            }

            @Override
            public SigningKey load(char[] passphrase) throws KeyStoreException {
                try {
                    return store(passphrase).loadOrCreate(new SecureRandom());
                } finally {
                    Arrays.fill(passphrase, '\0');
                }
            }
        };
    }
}
