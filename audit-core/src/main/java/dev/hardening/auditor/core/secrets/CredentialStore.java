package dev.hardening.auditor.core.secrets;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where the auditor keeps credentials between runs (API tokens, the evidence signing key): the OS
 * keychain ({@link KeychainCredentialStore}) or a passphrase-encrypted file
 * ({@link EncryptedFileCredentialStore}); never in plain text. Values go in and out as
 * {@link Secret}s; names are plain ({@code github-token}) and are not secret. Every method may do
 * I/O or talk to the keychain daemon: never call them on a UI thread.
 */
public interface CredentialStore {
    Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    /** Where the values are, for messages: "the OS keychain (service …)" or the file's path. */
    String describe();

    /** The stored value, or empty when none is stored under this name. */
    Optional<Secret> load(String name) throws CredentialStoreException;

    /** Stores (or replaces) a value; the caller keeps ownership of {@code value} and closes it. */
    void save(String name, Secret value) throws CredentialStoreException;

    /** Removes a value; removing one that is not there is not an error. */
    void delete(String name) throws CredentialStoreException;

    /** Whether a value is stored under this name, revealing as little as the store allows. */
    default boolean contains(String name) throws CredentialStoreException {
        Optional<Secret> value = load(name);
        value.ifPresent(Secret::close);
        return value.isPresent();
    }

    /** Several values at once (an encrypted file asks for its passphrase once); absent names are left out. */
    default Map<String, Secret> loadAll(Collection<String> names) throws CredentialStoreException {
        Map<String, Secret> out = new LinkedHashMap<>();
        for (String name : names) {
            load(name).ifPresent(secret -> out.put(name, secret));
        }
        return out;
    }

    /** A valid entry name, or an {@link IllegalArgumentException}. */
    static String requireName(String name) {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a credential name (a-z, 0-9 and -)");
        }
        return name;
    }

    /** The store cannot be used (no keychain, wrong passphrase, damaged file); the message says why and never holds a value. */
    final class CredentialStoreException extends Exception {
        public CredentialStoreException(String message) {
            super(message, null, false, false);
        }
    }
}
