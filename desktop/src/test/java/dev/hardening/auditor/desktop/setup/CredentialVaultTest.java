package dev.hardening.auditor.desktop.setup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.secrets.Argon2Parameters;
import dev.hardening.auditor.core.secrets.CredentialStore.CredentialStoreException;
import dev.hardening.auditor.core.secrets.CredentialStores;
import dev.hardening.auditor.core.secrets.EncryptedFileCredentialStore;
import dev.hardening.auditor.core.secrets.Keychain;
import dev.hardening.auditor.core.secrets.KeychainCredentialStore;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.setup.CredentialVault.Origin;
import dev.hardening.auditor.desktop.testing.InMemoryCredentialStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's credentials: the keychain (in memory here), the encrypted-file fallback and the environment. */
class CredentialVaultTest {
    private static final String TOKEN = "ghp_VaultTestToken0123456789abcdefABCDEF";

    @TempDir
    Path dir;

    @Test
    void a_stored_token_is_reported_by_fingerprint_and_handed_to_the_audit() throws Exception {
        InMemoryCredentialStore keychain = new InMemoryCredentialStore();
        CredentialVault vault = new CredentialVault(p -> keychain, Map.of(), UiThreadGuard.none());

        try (Secret token = Secret.of(TOKEN)) {
            vault.save(CredentialSlot.GITHUB, token);
        }

        CredentialVault.State state = vault.state();
        assertThat(state.encryptedFile()).isFalse();
        assertThat(state.slots().get(CredentialSlot.GITHUB).origin()).isEqualTo(Origin.STORED);
        assertThat(state.slots().get(CredentialSlot.GITHUB).fingerprint()).doesNotContain(TOKEN).isNotBlank();
        assertThat(state.toString()).doesNotContain(TOKEN);
        assertThat(state.slots().get(CredentialSlot.NPM).origin()).isEqualTo(Origin.NONE);
        Credentials credentials = vault.credentials();
        assertThat(credentials.github().orElseThrow().reveal()).isEqualTo(TOKEN);
        assertThat(credentials.npm()).isEmpty();
    }

    @Test
    void the_environment_is_used_when_nothing_is_stored_and_the_store_wins_over_it() throws Exception {
        InMemoryCredentialStore keychain = new InMemoryCredentialStore();
        CredentialVault vault = new CredentialVault(p -> keychain, Map.of("NPM_TOKEN", "npm_fromTheEnvironment0000000000000000"),
                UiThreadGuard.none());
        assertThat(vault.state().slots().get(CredentialSlot.NPM).origin()).isEqualTo(Origin.ENVIRONMENT);

        try (Secret stored = Secret.of("npm_storedInTheKeychain000000000000000")) {
            vault.save(CredentialSlot.NPM, stored);
        }

        assertThat(vault.state().slots().get(CredentialSlot.NPM).origin()).isEqualTo(Origin.STORED);
        assertThat(vault.credentials().npm().orElseThrow().reveal()).isEqualTo("npm_storedInTheKeychain000000000000000");
        vault.forget(CredentialSlot.NPM);
        assertThat(vault.state().slots().get(CredentialSlot.NPM).origin()).isEqualTo(Origin.ENVIRONMENT);
    }

    @Test
    void the_keychain_store_of_the_core_keeps_values_under_the_app_service() throws Exception {
        Map<String, String> entries = new HashMap<>();
        Keychain memory = new Keychain() {
            @Override
            public Optional<String> get(String service, String account) {
                return Optional.ofNullable(entries.get(service + "/" + account));
            }

            @Override
            public void set(String service, String account, String value) {
                entries.put(service + "/" + account, value);
            }

            @Override
            public void delete(String service, String account) {
                entries.remove(service + "/" + account);
            }
        };
        CredentialVault vault = new CredentialVault(p -> new KeychainCredentialStore(memory), Map.of(), UiThreadGuard.none());

        try (Secret token = Secret.of(TOKEN)) {
            vault.save(CredentialSlot.GITHUB, token);
        }

        assertThat(entries).containsKey(KeychainCredentialStore.SERVICE + "/" + CredentialSlot.GITHUB.storeName());
        assertThat(vault.state().encryptedFile()).isFalse();
    }

    @Test
    void without_a_keychain_credentials_go_to_a_passphrase_encrypted_file_never_in_plain_text() throws Exception {
        Path file = dir.resolve("credentials.json");
        // An existing file is always used, so CredentialStores.auto picks the file here whatever the machine has.
        CredentialVault vault = new CredentialVault(p -> new EncryptedFileCredentialStore(file, p, Argon2Parameters.cheap(),
                new SecureRandom()), Map.of(), UiThreadGuard.none());

        CredentialVault.State locked = vault.state();
        assertThat(locked.encryptedFile()).isTrue();
        assertThat(locked.locked()).isTrue();
        assertThatThrownBy(() -> vault.unlock(Secret.of("short"))).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("at least 8");
        vault.unlock(Secret.of("correct horse battery"));
        try (Secret token = Secret.of(TOKEN)) {
            vault.save(CredentialSlot.GITHUB, token);
        }

        assertThat(Files.readString(file, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN).doesNotContain("ghp_");
        CredentialVault reopened = new CredentialVault(p -> CredentialStores.auto(file, p, Argon2Parameters.cheap(),
                new SecureRandom()), Map.of(), UiThreadGuard.none());
        assertThat(reopened.state().slots().get(CredentialSlot.GITHUB).origin()).isEqualTo(Origin.STORED_LOCKED);
        assertThatThrownBy(reopened::credentials).isInstanceOf(CredentialStoreException.class)
                .hasMessageContaining("unlock");
        assertThatThrownBy(() -> reopened.unlock(Secret.of("wrong passphrase!"))).isInstanceOf(CredentialStoreException.class)
                .message().doesNotContain("wrong passphrase!");
        reopened.unlock(Secret.of("correct horse battery"));
        assertThat(reopened.credentials().github().orElseThrow().reveal()).isEqualTo(TOKEN);
    }

    @Test
    void every_operation_refuses_the_ui_thread() {
        CredentialVault vault = new CredentialVault(p -> new InMemoryCredentialStore(), Map.of(), new UiThreadGuard(() -> true));

        assertThatThrownBy(vault::state).isInstanceOf(IllegalStateException.class).hasMessageContaining("UI thread");
        assertThatThrownBy(vault::credentials).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> vault.save(CredentialSlot.GITHUB, Secret.of(TOKEN))).isInstanceOf(IllegalStateException.class);
    }
}
