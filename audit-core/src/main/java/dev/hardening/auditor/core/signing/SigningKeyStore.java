package dev.hardening.auditor.core.signing;

import java.util.Optional;

/** Where the installation's signing key is kept: the OS keychain or a passphrase-encrypted file. */
public interface SigningKeyStore {
    /** Human-readable location, e.g. "the OS keychain" or the file's path. */
    String describe();

    /** The stored key, or empty when none was created yet; {@link KeyStoreException} when it cannot be read. */
    Optional<SigningKey> load() throws KeyStoreException;

    void save(SigningKey key) throws KeyStoreException;

    /** The stored key's public half; stores that keep it in the clear answer without a passphrase. */
    default Optional<PublicKey> publicKey() throws KeyStoreException {
        return load().map(SigningKey::publicKey);
    }

    /** The stored key, generated and saved on first use. */
    default SigningKey loadOrCreate(java.security.SecureRandom random) throws KeyStoreException {
        Optional<SigningKey> existing = load();
        if (existing.isPresent()) {
            return existing.get();
        }
        SigningKey key = SigningKey.generate(random);
        save(key);
        return key;
    }

    /** The key store cannot be used (no keychain, wrong passphrase, damaged file); the message says why. */
    final class KeyStoreException extends Exception {
        public KeyStoreException(String message) {
            super(message, null, false, false);
        }
    }
}
