package dev.hardening.auditor.core.secrets;

import java.util.Objects;
import java.util.Optional;

/** Credentials in the OS keychain, one item per name under the service {@value #SERVICE}. */
public final class KeychainCredentialStore implements CredentialStore {
    public static final String SERVICE = "maintainer-hardening-auditor";

    private final Keychain keychain;

    public KeychainCredentialStore(Keychain keychain) {
        this.keychain = Objects.requireNonNull(keychain, "keychain");
    }

    /** The store in this machine's keychain, or why there is none. */
    public static KeychainCredentialStore open() throws CredentialStoreException {
        return new KeychainCredentialStore(Keychain.os());
    }

    @Override
    public String describe() {
        return "the OS keychain (service " + SERVICE + ")";
    }

    @Override
    public Optional<Secret> load(String name) throws CredentialStoreException {
        return keychain.get(SERVICE, CredentialStore.requireName(name)).map(Secret::of);
    }

    @Override
    public void save(String name, Secret value) throws CredentialStoreException {
        keychain.set(SERVICE, CredentialStore.requireName(name), value.reveal());
    }

    @Override
    public void delete(String name) throws CredentialStoreException {
        keychain.delete(SERVICE, CredentialStore.requireName(name));
    }
}
