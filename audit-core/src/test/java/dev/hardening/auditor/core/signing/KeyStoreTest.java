package dev.hardening.auditor.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.secrets.Argon2Parameters;
import dev.hardening.auditor.core.secrets.PassphraseSource;
import dev.hardening.auditor.core.signing.SigningKeyStore.KeyStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The passphrase-encrypted key file (tests never touch a real OS keychain). */
class KeyStoreTest {
    private static final char[] PASSPHRASE = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    private EncryptedFileKeyStore store(Path file, char[] passphrase) {
        return new EncryptedFileKeyStore(file, PassphraseSource.of(passphrase), Argon2Parameters.cheap(), new SecureRandom());
    }

    @Test
    void a_key_is_created_once_encrypted_and_read_back_with_the_passphrase() throws Exception {
        Path file = dir.resolve("keys/signing-key.json");
        SigningKey created = store(file, PASSPHRASE).loadOrCreate(new SecureRandom());

        SigningKey loaded = store(file, PASSPHRASE).load().orElseThrow();
        assertThat(loaded.publicKey()).isEqualTo(created.publicKey());
        assertThat(store(file, PASSPHRASE).loadOrCreate(new SecureRandom()).publicKey()).isEqualTo(created.publicKey());
        String content = Files.readString(file);
        assertThat(content).contains("argon2id", "AES-256-GCM", created.publicKey().keyId())
                .doesNotContain(Base64.getEncoder().encodeToString(created.seed()));
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        // The public key needs no passphrase (verifying must not ask for one).
        EncryptedFileKeyStore noPassphrase = new EncryptedFileKeyStore(file, (p, c) -> Optional.empty(),
                Argon2Parameters.cheap(), new SecureRandom());
        assertThat(noPassphrase.publicKey()).contains(created.publicKey());
        assertThat(created.toString()).doesNotContain(Base64.getEncoder().encodeToString(created.seed()));
    }

    @Test
    void a_wrong_or_missing_passphrase_is_refused_with_the_reason() throws Exception {
        Path file = dir.resolve("k.json");
        store(file, PASSPHRASE).loadOrCreate(new SecureRandom());

        assertThatThrownBy(() -> store(file, "wrong passphrase".toCharArray()).load())
                .isInstanceOf(KeyStoreException.class).hasMessageContaining("wrong passphrase");
        EncryptedFileKeyStore none = new EncryptedFileKeyStore(file, (p, c) -> Optional.empty(), Argon2Parameters.cheap(),
                new SecureRandom());
        assertThatThrownBy(none::load).hasMessageContaining("AUDITOR_KEY_PASSPHRASE");
        assertThatThrownBy(() -> store(dir.resolve("new.json"), "short".toCharArray()).save(SigningTestKeys.key(3)))
                .hasMessageContaining("too short");
    }

    @Test
    void a_damaged_key_file_is_refused() throws Exception {
        Path file = dir.resolve("k.json");
        store(file, PASSPHRASE).loadOrCreate(new SecureRandom());
        String json = Files.readString(file);
        String ciphertext = json.replaceAll("(?s).*\"ciphertext\" : \"([^\"]+)\".*", "$1");
        byte[] flipped = Base64.getDecoder().decode(ciphertext);
        flipped[3] ^= 1;
        Files.writeString(file, json.replace(ciphertext, Base64.getEncoder().encodeToString(flipped)));

        assertThatThrownBy(() -> store(file, PASSPHRASE).load()).isInstanceOf(KeyStoreException.class);
        Files.writeString(file, "not json at all");
        assertThatThrownBy(() -> store(file, PASSPHRASE).load()).isInstanceOf(KeyStoreException.class);
    }

    @Test
    void public_keys_round_trip_as_pem_and_other_keys_are_refused() throws Exception {
        PublicKey key = SigningTestKeys.key(1).publicKey();
        assertThat(PublicKey.fromPem(key.toPem())).isEqualTo(key);
        assertThat(key.toPem()).startsWith("-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA");

        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        var pair = rsa.generateKeyPair();
        String rsaPem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
        assertThatThrownBy(() -> PublicKey.fromPem(rsaPem)).hasMessageContaining("not an Ed25519 key");
        assertThatThrownBy(() -> PublicKey.fromPem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
                .hasMessageContaining("private key");
        assertThatThrownBy(() -> PublicKey.fromPem("ssh-ed25519 AAAAC3Nza... user@host")).hasMessageContaining("not a PEM");
        assertThatThrownBy(() -> PublicKey.fromPem("-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----"))
                .hasMessageContaining("damaged");
        assertThat(new String(key.raw(), StandardCharsets.ISO_8859_1)).hasSize(32);
    }
}
