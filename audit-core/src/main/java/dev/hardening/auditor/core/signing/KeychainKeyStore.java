package dev.hardening.auditor.core.signing;

import dev.hardening.auditor.core.secrets.CredentialStore;
import dev.hardening.auditor.core.secrets.CredentialStore.CredentialStoreException;
import dev.hardening.auditor.core.secrets.KeychainCredentialStore;
import dev.hardening.auditor.core.secrets.Secret;
import java.util.Base64;
import java.util.Optional;

/**
 * The signing key in the OS keychain (macOS Keychain, Windows Credential Manager, the Secret Service
 * on Linux desktops), kept by the {@link KeychainCredentialStore} as the base64 of its 32-byte seed
 * under the name {@value #ACCOUNT}.
 */
public final class KeychainKeyStore implements SigningKeyStore {
    static final String ACCOUNT = "evidence-signing-key";

    private final CredentialStore keychain;

    public KeychainKeyStore(KeychainCredentialStore keychain) {
        this.keychain = keychain;
    }

    /** The keychain of this machine, or why there is none usable (a server without a desktop session). */
    public static KeychainKeyStore open() throws KeyStoreException {
        try {
            return new KeychainKeyStore(KeychainCredentialStore.open());
        } catch (CredentialStoreException e) {
            throw new KeyStoreException(e.getMessage());
        }
    }

    @Override
    public String describe() {
        return keychain.describe();
    }

    @Override
    public Optional<SigningKey> load() throws KeyStoreException {
        Optional<Secret> stored;
        try {
            stored = keychain.load(ACCOUNT);
        } catch (CredentialStoreException e) {
            throw new KeyStoreException(e.getMessage());
        }
        if (stored.isEmpty() || stored.get().isBlank()) {
            stored.ifPresent(Secret::close);
            return Optional.empty();
        }
        byte[] seed = null;
        try (Secret encoded = stored.get()) {
            seed = Base64.getDecoder().decode(encoded.reveal().strip());
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
        try (Secret encoded = Secret.of(Base64.getEncoder().encodeToString(seed))) {
            keychain.save(ACCOUNT, encoded);
        } catch (CredentialStoreException e) {
            throw new KeyStoreException(e.getMessage());
        } finally {
            SigningKey.wipe(seed);
        }
    }
}
