package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.core.secrets.CredentialStore;
import dev.hardening.auditor.core.secrets.Secret;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A credential store in a map, standing in for the OS keychain (tests never touch the real one). */
public final class InMemoryCredentialStore implements CredentialStore {
    private final Map<String, char[]> values = new ConcurrentHashMap<>();

    @Override
    public String describe() {
        return "the OS keychain (test)";
    }

    @Override
    public Optional<Secret> load(String name) {
        char[] value = values.get(CredentialStore.requireName(name));
        return value == null ? Optional.empty() : Optional.of(Secret.of(value));
    }

    @Override
    public void save(String name, Secret value) {
        values.put(CredentialStore.requireName(name), value.revealChars());
    }

    @Override
    public void delete(String name) {
        values.remove(CredentialStore.requireName(name));
    }

    /** What is stored, for assertions (tests only). */
    public Map<String, String> contents() {
        Map<String, String> out = new java.util.TreeMap<>();
        values.forEach((k, v) -> out.put(k, new String(v)));
        return out;
    }
}
