package dev.hardening.auditor.core.signing;

import com.github.javakeyring.BackendNotSupportedException;
import com.github.javakeyring.Keyring;
import com.github.javakeyring.PasswordAccessException;
import java.util.Base64;
import java.util.Optional;

/**
 * The signing key in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service
 * on Linux desktops) through java-keyring, stored as the base64 of its 32-byte seed under the
 * service {@value #SERVICE}.
 */
public final class KeychainKeyStore implements SigningKeyStore {
    static final String SERVICE = "maintainer-hardening-auditor";
    static final String ACCOUNT = "evidence-signing-key";

    private final Keyring keyring;

    private KeychainKeyStore(Keyring keyring) {
        this.keyring = keyring;
    }

    /** The keychain of this machine, or why there is none usable (a server without a desktop session). */
    public static KeychainKeyStore open() throws KeyStoreException {
        try {
            return new KeychainKeyStore(Keyring.create());
        } catch (BackendNotSupportedException | RuntimeException | LinkageError e) {
            throw new KeyStoreException("no OS keychain is available here (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public String describe() {
        return "the OS keychain (service " + SERVICE + ")";
    }

    @Override
    public Optional<SigningKey> load() throws KeyStoreException {
        String stored;
        try {
            stored = keyring.getPassword(SERVICE, ACCOUNT);
        } catch (PasswordAccessException e) {
            // java-keyring reports "not found" as an access failure.
            return Optional.empty();
        } catch (RuntimeException | LinkageError e) {
            throw new KeyStoreException("cannot read the OS keychain (" + e.getClass().getSimpleName() + ")");
        }
        if (stored == null || stored.isBlank()) {
            return Optional.empty();
        }
        byte[] seed = null;
        try {
            seed = Base64.getDecoder().decode(stored.strip());
            return Optional.of(SigningKey.fromSeed(seed));
        } catch (IllegalArgumentException e) {
            throw new KeyStoreException("the signing key in the OS keychain is damaged");
        } finally {
            SigningKey.wipe(seed);
        }
    }

    @Override
    public void save(SigningKey key) throws KeyStoreException {
        byte[] seed = key.seed();
        try {
            keyring.setPassword(SERVICE, ACCOUNT, Base64.getEncoder().encodeToString(seed));
        } catch (PasswordAccessException | RuntimeException | LinkageError e) {
            throw new KeyStoreException("cannot write to the OS keychain (" + e.getClass().getSimpleName() + ")");
        } finally {
            SigningKey.wipe(seed);
        }
    }
}
