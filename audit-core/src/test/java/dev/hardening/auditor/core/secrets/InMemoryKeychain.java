package dev.hardening.auditor.core.secrets;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A keychain in a map: tests never touch the real OS keychain. */
public final class InMemoryKeychain implements Keychain {
    private final Map<String, String> items = new ConcurrentHashMap<>();

    @Override
    public Optional<String> get(String service, String account) {
        return Optional.ofNullable(items.get(service + "/" + account));
    }

    @Override
    public void set(String service, String account, String value) {
        items.put(service + "/" + account, value);
    }

    @Override
    public void delete(String service, String account) {
        items.remove(service + "/" + account);
    }

    public Map<String, String> items() {
        return Map.copyOf(items);
    }
}
