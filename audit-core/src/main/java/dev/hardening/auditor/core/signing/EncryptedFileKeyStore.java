package dev.hardening.auditor.core.signing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.secrets.Argon2Parameters;
import dev.hardening.auditor.core.secrets.PassphraseCipher;
import dev.hardening.auditor.core.secrets.PassphraseSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;

/**
 * The signing key in a file, encrypted with a passphrase ({@link PassphraseCipher}): Argon2id derives
 * a 256-bit key from the passphrase and a random salt, and AES-256-GCM encrypts the 32-byte Ed25519
 * seed, with the key id as associated data. The file (JSON) records the public key, the Argon2 parameters, the salt and
 * the nonce; it is created with owner-only permissions and replaced atomically.
 */
public final class EncryptedFileKeyStore implements SigningKeyStore {
    static final String FORMAT = "maintainer-hardening-auditor/signing-key";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SALT_BYTES = PassphraseCipher.SALT_BYTES;
    private static final int NONCE_BYTES = PassphraseCipher.NONCE_BYTES;
    private static final long MAX_FILE_BYTES = 64 * 1024;

    private final Path file;
    private final PassphraseSource passphrases;
    private final Argon2Parameters cost;
    private final SecureRandom random;

    public EncryptedFileKeyStore(Path file, PassphraseSource passphrases, Argon2Parameters cost, SecureRandom random) {
        this.file = file;
        this.passphrases = passphrases;
        this.cost = cost;
        this.random = random;
    }

    @Override
    public String describe() {
        return "the encrypted key file " + file;
    }

    public Path file() {
        return file;
    }

    /** Read from the file's clear {@code publicKey} field: verifying needs no passphrase. */
    @Override
    public Optional<PublicKey> publicKey() throws KeyStoreException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            JsonNode root = JSON.readTree(Files.readAllBytes(file));
            return Optional.of(PublicKey.ofRaw(Base64.getDecoder().decode(root.path("publicKey").asText())));
        } catch (IOException | IllegalArgumentException e) {
            throw new KeyStoreException("cannot read the public key from " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    @Override
    public Optional<SigningKey> load() throws KeyStoreException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new KeyStoreException(file + " is too large to be a key file");
            }
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new KeyStoreException("cannot read the key file " + file + ": " + e.getClass().getSimpleName());
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())
                || root.path("formatVersion").asInt() != 1) {
            throw new KeyStoreException(file + " is not a signing key file of the auditor");
        }
        byte[] salt;
        byte[] nonce;
        byte[] ciphertext;
        PublicKey recorded;
        Argon2Parameters params;
        try {
            JsonNode kdf = root.path("kdf");
            if (!"argon2id".equals(kdf.path("algorithm").asText()) || !"AES-256-GCM".equals(root.path("cipher")
                    .path("algorithm").asText())) {
                throw new KeyStoreException(file + " uses an unsupported key derivation or cipher");
            }
            params = new Argon2Parameters(kdf.path("memoryKiB").asInt(), kdf.path("iterations").asInt(),
                    kdf.path("parallelism").asInt());
            salt = decode(kdf, "salt");
            nonce = decode(root.path("cipher"), "nonce");
            ciphertext = decode(root, "ciphertext");
            recorded = PublicKey.ofRaw(decode(root, "publicKey"));
        } catch (IllegalArgumentException e) {
            throw new KeyStoreException("the key file " + file + " is damaged: " + e.getMessage());
        }
        if (salt.length != SALT_BYTES || nonce.length != NONCE_BYTES) {
            throw new KeyStoreException("the key file " + file + " is damaged (salt or nonce of the wrong size)");
        }
        char[] passphrase = passphrases.passphrase("Passphrase of the signing key (" + file + "): ", false)
                .orElseThrow(() -> new KeyStoreException("the signing key in " + file + " is encrypted: set "
                        + "AUDITOR_KEY_PASSPHRASE or run in a terminal to type the passphrase"));
        byte[] aesKey = PassphraseCipher.deriveKey(passphrase, salt, params);
        Arrays.fill(passphrase, '\0');
        byte[] seed = null;
        try {
            seed = PassphraseCipher.open(aesKey, nonce, aad(recorded), ciphertext).orElseThrow(() ->
                    new KeyStoreException("wrong passphrase for " + file + " (or the file is damaged)"));
            SigningKey key = SigningKey.fromSeed(seed);
            if (!key.publicKey().equals(recorded)) {
                throw new KeyStoreException("the key file " + file + " is damaged: its public key does not match");
            }
            return Optional.of(key);
        } catch (IllegalArgumentException e) {
            throw new KeyStoreException("wrong passphrase for " + file + " (or the file is damaged)");
        } finally {
            SigningKey.wipe(aesKey);
            SigningKey.wipe(seed);
        }
    }

    @Override
    public void save(SigningKey key) throws KeyStoreException {
        char[] passphrase = passphrases.passphrase("New passphrase for the signing key (" + file + "): ", true)
                .orElseThrow(() -> new KeyStoreException("a passphrase is needed to encrypt the new signing key: "
                        + "set AUDITOR_KEY_PASSPHRASE or run in a terminal"));
        if (passphrase.length < 8) {
            Arrays.fill(passphrase, '\0');
            throw new KeyStoreException("the passphrase is too short: use at least 8 characters");
        }
        byte[] salt = PassphraseCipher.newSalt(random);
        byte[] nonce = PassphraseCipher.newNonce(random);
        byte[] aesKey = PassphraseCipher.deriveKey(passphrase, salt, cost);
        Arrays.fill(passphrase, '\0');
        byte[] seed = key.seed();
        byte[] ciphertext;
        try {
            ciphertext = PassphraseCipher.seal(aesKey, nonce, aad(key.publicKey()), seed);
        } finally {
            SigningKey.wipe(aesKey);
            SigningKey.wipe(seed);
        }
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", 1);
        root.put("keyId", key.publicKey().keyId());
        root.put("publicKey", key.publicKey().base64());
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", "argon2id");
        kdf.put("version", 19);
        kdf.put("memoryKiB", cost.memoryKiB());
        kdf.put("iterations", cost.iterations());
        kdf.put("parallelism", cost.parallelism());
        kdf.put("salt", Base64.getEncoder().encodeToString(salt));
        ObjectNode cipher = root.putObject("cipher");
        cipher.put("algorithm", "AES-256-GCM");
        cipher.put("nonce", Base64.getEncoder().encodeToString(nonce));
        root.put("ciphertext", Base64.getEncoder().encodeToString(ciphertext));
        write(root.toPrettyString().getBytes(StandardCharsets.UTF_8));
    }

    private void write(byte[] bytes) throws KeyStoreException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".signing-key-", ".tmp");
            if (posix) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(tmp, bytes);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new KeyStoreException("cannot write the key file " + file + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"));
        }
    }

    private static byte[] aad(PublicKey key) {
        return (FORMAT + "/v1 " + key.keyId()).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] decode(JsonNode parent, String field) {
        JsonNode node = parent.path(field);
        if (!node.isTextual()) {
            throw new IllegalArgumentException(field + " is missing");
        }
        return Base64.getDecoder().decode(node.textValue());
    }
}
