package dev.hardening.auditor.desktop.setup;

import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.secrets.CredentialStore;
import dev.hardening.auditor.core.secrets.CredentialStore.CredentialStoreException;
import dev.hardening.auditor.core.secrets.EncryptedFileCredentialStore;
import dev.hardening.auditor.core.secrets.PassphraseSource;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * The app's credentials: kept in a {@link CredentialStore} (the OS keychain, or a passphrase-encrypted
 * file when there is none), with the environment variables of the command line as a fallback. The
 * passphrase of an encrypted file is held for the session as a {@link Secret} once the user unlocks
 * it. Every method may talk to the keychain or the disk, so none runs on the UI thread.
 */
public final class CredentialVault {
    private final Function<PassphraseSource, CredentialStore> opener;
    private final Map<String, String> environment;
    private final UiThreadGuard guard;
    private volatile CredentialStore store;
    private volatile Secret passphrase;

    /**
     * @param opener      opens the store on first use, given where its passphrase comes from
     *                    ({@code CredentialStores.auto} in the app)
     * @param environment the process environment, for {@code GITHUB_TOKEN} and the others
     */
    public CredentialVault(Function<PassphraseSource, CredentialStore> opener, Map<String, String> environment,
                           UiThreadGuard guard) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.environment = Map.copyOf(environment);
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** Where each credential comes from now; never a value, fingerprints only. */
    public record State(String storeDescription, boolean encryptedFile, boolean locked, Map<CredentialSlot, Source> slots) {
        public State {
            slots = Map.copyOf(slots);
        }
    }

    /** Where one credential comes from. */
    public record Source(Origin origin, String fingerprint) {
    }

    public enum Origin {
        STORED, STORED_LOCKED, ENVIRONMENT, NONE
    }

    public synchronized State state() throws CredentialStoreException {
        guard.requireBackground("reading the credential store");
        CredentialStore s = store();
        boolean encrypted = s instanceof EncryptedFileCredentialStore;
        boolean locked = encrypted && passphrase == null;
        Map<CredentialSlot, Source> slots = new EnumMap<>(CredentialSlot.class);
        Map<String, Secret> stored = locked ? Map.of() : s.loadAll(names());
        try {
            for (CredentialSlot slot : CredentialSlot.values()) {
                Secret value = stored.get(slot.storeName());
                if (value != null) {
                    slots.put(slot, new Source(Origin.STORED, value.fingerprint()));
                } else if (locked && s.contains(slot.storeName())) {
                    slots.put(slot, new Source(Origin.STORED_LOCKED, ""));
                } else if (fromEnvironment(slot).isPresent()) {
                    try (Secret env = fromEnvironment(slot).get()) {
                        slots.put(slot, new Source(Origin.ENVIRONMENT, env.fingerprint()));
                    }
                } else {
                    slots.put(slot, new Source(Origin.NONE, ""));
                }
            }
        } finally {
            stored.values().forEach(Secret::close);
        }
        return new State(s.describe(), encrypted, locked, slots);
    }

    /**
     * Holds the passphrase of the encrypted file for the session, after checking it against the
     * file when there is one. Takes ownership of {@code candidate}.
     */
    public synchronized void unlock(Secret candidate) throws CredentialStoreException {
        guard.requireBackground("unlocking the credential store");
        Secret previous = passphrase;
        passphrase = candidate;
        try {
            CredentialStore s = store();
            if (s instanceof EncryptedFileCredentialStore file && file.exists()) {
                if (candidate.length() == 0) {
                    throw new CredentialStoreException("type the passphrase of " + file.file() + " first");
                }
                s.loadAll(names()).values().forEach(Secret::close);
            } else if (candidate.length() < 8) {
                throw new CredentialStoreException("the passphrase is too short: use at least 8 characters");
            }
        } catch (CredentialStoreException e) {
            passphrase = previous;
            candidate.close();
            throw e;
        }
        if (previous != null && previous != candidate) {
            previous.close();
        }
    }

    /** Stores a credential; the caller keeps ownership of {@code value}. */
    public synchronized void save(CredentialSlot slot, Secret value) throws CredentialStoreException {
        guard.requireBackground("writing the credential store");
        if (value.isBlank()) {
            throw new CredentialStoreException("the " + slot.displayName() + " is empty");
        }
        store().save(slot.storeName(), value);
    }

    public synchronized void forget(CredentialSlot slot) throws CredentialStoreException {
        guard.requireBackground("writing the credential store");
        store().delete(slot.storeName());
    }

    /**
     * The credentials for an audit: stored ones first, else the environment's. The caller closes the
     * secrets when the audit is over.
     */
    public synchronized Credentials credentials() throws CredentialStoreException {
        guard.requireBackground("reading the credential store");
        CredentialStore s = store();
        boolean locked = s instanceof EncryptedFileCredentialStore && passphrase == null;
        Map<String, Secret> stored = locked ? Map.of() : s.loadAll(names());
        if (locked && names().stream().anyMatch(name -> containsQuietly(s, name))) {
            throw new CredentialStoreException("the stored credentials are encrypted: unlock them with their passphrase"
                    + " on the Setup screen first");
        }
        Map<CredentialSlot, Optional<Secret>> values = new EnumMap<>(CredentialSlot.class);
        for (CredentialSlot slot : CredentialSlot.values()) {
            Secret value = stored.get(slot.storeName());
            values.put(slot, value != null ? Optional.of(value) : fromEnvironment(slot));
        }
        return new Credentials(values.get(CredentialSlot.GITHUB), values.get(CredentialSlot.NPM),
                values.get(CredentialSlot.HIBP), values.get(CredentialSlot.PYPI));
    }

    /** Forgets the session passphrase (the app is closing). */
    public synchronized void lock() {
        if (passphrase != null) {
            passphrase.close();
            passphrase = null;
        }
    }

    private CredentialStore store() {
        if (store == null) {
            store = opener.apply(this::passphrase);
        }
        return store;
    }

    private Optional<char[]> passphrase(String prompt, boolean confirm) {
        Secret held = passphrase;
        if (held == null) {
            return Optional.empty();
        }
        char[] chars = held.revealChars();
        if (chars.length == 0) {
            Arrays.fill(chars, '\0');
            return Optional.empty();
        }
        return Optional.of(chars);
    }

    private Optional<Secret> fromEnvironment(CredentialSlot slot) {
        String value = environment.get(slot.environmentVariable());
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Secret.of(value.strip()));
    }

    private static boolean containsQuietly(CredentialStore s, String name) {
        try {
            return s.contains(name);
        } catch (CredentialStoreException e) {
            return false;
        }
    }

    private static List<String> names() {
        return Arrays.stream(CredentialSlot.values()).map(CredentialSlot::storeName).toList();
    }
}
