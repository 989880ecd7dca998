package dev.hardening.auditor.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.secrets.CredentialStore.CredentialStoreException;
import dev.hardening.auditor.core.signing.KeychainKeyStore;
import dev.hardening.auditor.core.signing.SigningKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Credentials kept between runs: in a (fake) OS keychain, or in a passphrase-encrypted file. */
class CredentialStoreTest {
    private static final String GITHUB_TOKEN = "ghp_16C7e42F292c6912E7710c838347Ae178B4a";
    private static final String NPM_TOKEN = "npm_DEMOdemoDEMOdemoDEMOdemoDEMOdemo0000";
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    private final AtomicInteger prompts = new AtomicInteger();

    private EncryptedFileCredentialStore file(Path path, char[] passphrase) {
        return new EncryptedFileCredentialStore(path, (prompt, confirm) -> {
            prompts.incrementAndGet();
            return Optional.of(passphrase.clone());
        }, Argon2Parameters.cheap(), new SecureRandom());
    }

    @Test
    void the_encrypted_file_keeps_values_under_their_names_and_never_in_clear() throws Exception {
        Path path = dir.resolve("config/credentials.json");
        EncryptedFileCredentialStore store = file(path, PASSPHRASE);
        store.save("github-token", Secret.of(GITHUB_TOKEN));
        store.save("npm-token", Secret.of(NPM_TOKEN));
        store.save("github-token", Secret.of(GITHUB_TOKEN + "x"));

        assertThat(file(path, PASSPHRASE).load("github-token").orElseThrow().reveal()).isEqualTo(GITHUB_TOKEN + "x");
        assertThat(file(path, PASSPHRASE).load("hibp-api-key")).isEmpty();
        assertThat(store.contains("npm-token")).isTrue();
        assertThat(store.contains("hibp-api-key")).isFalse();
        String content = Files.readString(path);
        assertThat(content).contains("argon2id", "AES-256-GCM", "\"github-token\"", "\"npm-token\"")
                .doesNotContain(GITHUB_TOKEN, NPM_TOKEN, "DEMOdemo", "correct horse");
        assertThat(Files.getPosixFilePermissions(path)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        assertThat(store.describe()).contains(path.toString());
    }

    @Test
    void several_values_are_read_with_one_passphrase() throws Exception {
        Path path = dir.resolve("c.json");
        file(path, PASSPHRASE).save("github-token", Secret.of(GITHUB_TOKEN));
        file(path, PASSPHRASE).save("npm-token", Secret.of(NPM_TOKEN));
        prompts.set(0);

        Map<String, Secret> all = file(path, PASSPHRASE).loadAll(List.of("github-token", "npm-token", "hibp-api-key"));

        assertThat(all).containsOnlyKeys("github-token", "npm-token");
        assertThat(all.get("npm-token").reveal()).isEqualTo(NPM_TOKEN);
        assertThat(prompts).hasValue(1);
        prompts.set(0);
        assertThat(file(path, PASSPHRASE).loadAll(List.of("hibp-api-key"))).isEmpty();
        assertThat(prompts).as("nothing stored under the name: no passphrase asked").hasValue(0);
        assertThat(file(dir.resolve("absent.json"), PASSPHRASE).load("github-token")).isEmpty();
    }

    @Test
    void a_wrong_missing_or_short_passphrase_is_refused_with_the_reason_and_no_value() throws Exception {
        Path path = dir.resolve("c.json");
        file(path, PASSPHRASE).save("github-token", Secret.of(GITHUB_TOKEN));

        assertThatThrownBy(() -> file(path, "wrong passphrase".toCharArray()).load("github-token"))
                .isInstanceOf(CredentialStoreException.class).hasMessageContaining("wrong passphrase")
                .hasMessageNotContaining(GITHUB_TOKEN);
        assertThatThrownBy(() -> file(path, "wrong passphrase".toCharArray()).save("npm-token", Secret.of(NPM_TOKEN)))
                .hasMessageContaining("wrong passphrase");
        EncryptedFileCredentialStore none = new EncryptedFileCredentialStore(path, (p, c) -> Optional.empty(),
                Argon2Parameters.cheap(), new SecureRandom());
        assertThatThrownBy(() -> none.load("github-token")).hasMessageContaining("a passphrase is needed");
        assertThatThrownBy(() -> file(dir.resolve("new.json"), "short".toCharArray()).save("npm-token", Secret.of(NPM_TOKEN)))
                .hasMessageContaining("too short");
        assertThat(dir.resolve("new.json")).doesNotExist();
    }

    @Test
    void damaged_or_swapped_entries_and_foreign_files_are_refused() throws Exception {
        Path path = dir.resolve("c.json");
        file(path, PASSPHRASE).save("github-token", Secret.of(GITHUB_TOKEN));
        file(path, PASSPHRASE).save("npm-token", Secret.of(NPM_TOKEN));
        String json = Files.readString(path);

        // The npm token's ciphertext under the GitHub name: the associated data (the name) no longer matches.
        var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
        var entries = (com.fasterxml.jackson.databind.node.ObjectNode) tree.get("entries");
        entries.set("github-token", entries.get("npm-token").deepCopy());
        Files.writeString(path, tree.toString());
        assertThatThrownBy(() -> file(path, PASSPHRASE).load("github-token"))
                .isInstanceOf(CredentialStoreException.class).hasMessageContaining("damaged");

        for (String foreign : List.of("not json at all", "{}", "[1,2]",
                "{\"format\":\"maintainer-hardening-auditor/credentials\",\"formatVersion\":2,\"entries\":{}}")) {
            Files.writeString(path, foreign);
            assertThatThrownBy(() -> file(path, PASSPHRASE).load("github-token"))
                    .as(foreign).isInstanceOf(CredentialStoreException.class);
        }
    }

    @Test
    void deleting_removes_only_that_value() throws Exception {
        Path path = dir.resolve("c.json");
        file(path, PASSPHRASE).save("github-token", Secret.of(GITHUB_TOKEN));
        file(path, PASSPHRASE).save("npm-token", Secret.of(NPM_TOKEN));

        file(path, PASSPHRASE).delete("github-token");
        file(path, PASSPHRASE).delete("never-stored");

        assertThat(file(path, PASSPHRASE).load("github-token")).isEmpty();
        assertThat(file(path, PASSPHRASE).load("npm-token").orElseThrow().reveal()).isEqualTo(NPM_TOKEN);
    }

    @Test
    void the_keychain_store_keeps_one_item_per_name_under_the_service() throws Exception {
        InMemoryKeychain keychain = new InMemoryKeychain();
        KeychainCredentialStore store = new KeychainCredentialStore(keychain);

        store.save("github-token", Secret.of(GITHUB_TOKEN));
        assertThat(keychain.items()).containsOnlyKeys("maintainer-hardening-auditor/github-token");
        assertThat(store.load("github-token").orElseThrow().reveal()).isEqualTo(GITHUB_TOKEN);
        assertThat(store.contains("npm-token")).isFalse();
        store.delete("github-token");
        assertThat(store.load("github-token")).isEmpty();
        assertThat(store.describe()).isEqualTo("the OS keychain (service maintainer-hardening-auditor)");
    }

    @Test
    void names_are_checked() {
        KeychainCredentialStore store = new KeychainCredentialStore(new InMemoryKeychain());
        for (String bad : new String[] {"", "GitHub", "../x", "a b", "-x"}) {
            assertThatThrownBy(() -> store.load(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void the_signing_key_lives_in_the_same_keychain_store() throws Exception {
        InMemoryKeychain keychain = new InMemoryKeychain();
        KeychainKeyStore keys = new KeychainKeyStore(new KeychainCredentialStore(keychain));

        SigningKey created = keys.loadOrCreate(new SecureRandom());

        assertThat(keys.load().orElseThrow().publicKey()).isEqualTo(created.publicKey());
        assertThat(keychain.items()).containsOnlyKeys("maintainer-hardening-auditor/evidence-signing-key");
        keychain.set(KeychainCredentialStore.SERVICE, "evidence-signing-key", "!!not base64!!");
        assertThatThrownBy(keys::load).hasMessageContaining("damaged");
    }
}
