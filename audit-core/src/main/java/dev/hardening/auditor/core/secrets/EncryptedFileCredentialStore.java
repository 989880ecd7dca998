package dev.hardening.auditor.core.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Credentials in one file encrypted with a passphrase, for machines without a usable OS keychain.
 * The file (JSON) holds the Argon2id parameters and salt, a check value that tells a wrong
 * passphrase from a damaged entry, and per name a nonce and an AES-256-GCM ciphertext whose
 * associated data is the name (see {@link PassphraseCipher}). Names are visible, values are not. The
 * file is created with owner-only permissions and replaced atomically.
 */
public final class EncryptedFileCredentialStore implements CredentialStore {
    static final String FORMAT = "maintainer-hardening-auditor/credentials";
    private static final byte[] CHECK_PLAINTEXT = "credentials-file-check".getBytes(StandardCharsets.US_ASCII);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final long MAX_FILE_BYTES = 256 * 1024;

    private final Path file;
    private final PassphraseSource passphrases;
    private final Argon2Parameters cost;
    private final SecureRandom random;

    public EncryptedFileCredentialStore(Path file, PassphraseSource passphrases, Argon2Parameters cost, SecureRandom random) {
        this.file = Objects.requireNonNull(file, "file");
        this.passphrases = Objects.requireNonNull(passphrases, "passphrases");
        this.cost = Objects.requireNonNull(cost, "cost");
        this.random = Objects.requireNonNull(random, "random");
    }

    public Path file() {
        return file;
    }

    @Override
    public String describe() {
        return "the encrypted file " + file;
    }

    /** Whether the file exists yet (a new one asks for a new passphrase). */
    public boolean exists() {
        return Files.exists(file);
    }

    @Override
    public boolean contains(String name) throws CredentialStoreException {
        CredentialStore.requireName(name);
        return exists() && read().path("entries").has(name);
    }

    @Override
    public Optional<Secret> load(String name) throws CredentialStoreException {
        return Optional.ofNullable(loadAll(java.util.List.of(name)).get(name));
    }

    @Override
    public Map<String, Secret> loadAll(Collection<String> names) throws CredentialStoreException {
        names.forEach(CredentialStore::requireName);
        Map<String, Secret> out = new LinkedHashMap<>();
        if (!exists()) {
            return out;
        }
        ObjectNode root = read();
        JsonNode entries = root.path("entries");
        if (names.stream().noneMatch(entries::has)) {
            return out;
        }
        byte[] key = unlock(root, false);
        try {
            for (String name : names) {
                JsonNode entry = entries.path(name);
                if (entry.isMissingNode()) {
                    continue;
                }
                byte[] plain = PassphraseCipher.open(key, decode(entry, "nonce"), entryData(name), decode(entry, "ciphertext"))
                        .orElseThrow(() -> new CredentialStoreException("the entry " + name + " of " + file + " is damaged"));
                out.put(name, toSecret(plain));
            }
            return out;
        } finally {
            PassphraseCipher.wipe(key);
        }
    }

    @Override
    public void save(String name, Secret value) throws CredentialStoreException {
        CredentialStore.requireName(name);
        ObjectNode root = exists() ? read() : newFile();
        byte[] key = unlock(root, !exists());
        byte[] plain = toBytes(value);
        try {
            byte[] nonce = PassphraseCipher.newNonce(random);
            ObjectNode entry = JSON.createObjectNode();
            entry.put("nonce", encode(nonce));
            entry.put("ciphertext", encode(PassphraseCipher.seal(key, nonce, entryData(name), plain)));
            ((ObjectNode) root.get("entries")).set(name, entry);
        } finally {
            PassphraseCipher.wipe(key);
            PassphraseCipher.wipe(plain);
        }
        write(root);
    }

    @Override
    public void delete(String name) throws CredentialStoreException {
        CredentialStore.requireName(name);
        if (!exists()) {
            return;
        }
        ObjectNode root = read();
        if (((ObjectNode) root.get("entries")).remove(name) != null) {
            write(root);
        }
    }

    /** The AES key from the passphrase; for a new file, also writes its check value into {@code root}. */
    private byte[] unlock(ObjectNode root, boolean creating) throws CredentialStoreException {
        String prompt = (creating ? "New passphrase for the credentials file (" : "Passphrase of the credentials file (")
                + file + "): ";
        char[] passphrase = passphrases.passphrase(prompt, creating).orElseThrow(() -> new CredentialStoreException(
                "the credentials in " + file + " are encrypted: a passphrase is needed"));
        try {
            if (creating && passphrase.length < 8) {
                throw new CredentialStoreException("the passphrase is too short: use at least 8 characters");
            }
            JsonNode kdf = root.path("kdf");
            Argon2Parameters params;
            try {
                params = new Argon2Parameters(kdf.path("memoryKiB").asInt(), kdf.path("iterations").asInt(),
                        kdf.path("parallelism").asInt());
            } catch (IllegalArgumentException e) {
                throw new CredentialStoreException(file + " is damaged: " + e.getMessage());
            }
            byte[] key = PassphraseCipher.deriveKey(passphrase, decode(kdf, "salt"), params);
            if (creating) {
                byte[] nonce = PassphraseCipher.newNonce(random);
                ObjectNode check = root.putObject("check");
                check.put("nonce", encode(nonce));
                check.put("ciphertext", encode(PassphraseCipher.seal(key, nonce, checkData(), CHECK_PLAINTEXT)));
                return key;
            }
            JsonNode check = root.path("check");
            Optional<byte[]> opened = PassphraseCipher.open(key, decode(check, "nonce"), checkData(), decode(check, "ciphertext"));
            if (opened.isEmpty() || !Arrays.equals(opened.get(), CHECK_PLAINTEXT)) {
                PassphraseCipher.wipe(key);
                throw new CredentialStoreException("wrong passphrase for " + file + " (or the file is damaged)");
            }
            return key;
        } finally {
            Arrays.fill(passphrase, '\0');
        }
    }

    private ObjectNode newFile() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        root.put("formatVersion", 1);
        ObjectNode kdf = root.putObject("kdf");
        kdf.put("algorithm", "argon2id");
        kdf.put("version", 19);
        kdf.put("memoryKiB", cost.memoryKiB());
        kdf.put("iterations", cost.iterations());
        kdf.put("parallelism", cost.parallelism());
        kdf.put("salt", encode(PassphraseCipher.newSalt(random)));
        root.putObject("cipher").put("algorithm", "AES-256-GCM");
        root.putObject("entries");
        return root;
    }

    private ObjectNode read() throws CredentialStoreException {
        JsonNode root;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new CredentialStoreException(file + " is too large to be a credentials file");
            }
            root = JSON.readTree(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new CredentialStoreException("cannot read the credentials file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
        if (root == null || !root.isObject() || !FORMAT.equals(root.path("format").asText())
                || root.path("formatVersion").asInt() != 1 || !root.path("entries").isObject()
                || !"argon2id".equals(root.path("kdf").path("algorithm").asText())
                || !"AES-256-GCM".equals(root.path("cipher").path("algorithm").asText())) {
            throw new CredentialStoreException(file + " is not a credentials file of the auditor");
        }
        return (ObjectNode) root;
    }

    private void write(ObjectNode root) throws CredentialStoreException {
        Path dir = file.toAbsolutePath().getParent();
        boolean posix = file.getFileSystem().supportedFileAttributeViews().contains("posix");
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".credentials-", ".tmp");
            if (posix) {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            }
            Files.write(tmp, root.toPrettyString().getBytes(StandardCharsets.UTF_8));
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new CredentialStoreException("cannot write the credentials file " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static byte[] entryData(String name) {
        return (FORMAT + "/v1 entry " + name).getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] checkData() {
        return (FORMAT + "/v1 check").getBytes(StandardCharsets.US_ASCII);
    }

    private byte[] decode(JsonNode parent, String field) throws CredentialStoreException {
        JsonNode node = parent.path(field);
        try {
            if (!node.isTextual()) {
                throw new IllegalArgumentException(field + " is missing");
            }
            return Base64.getDecoder().decode(node.textValue());
        } catch (IllegalArgumentException e) {
            throw new CredentialStoreException(file + " is damaged (" + field + ")");
        }
    }

    private static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    private static byte[] toBytes(Secret value) {
        char[] chars = value.revealChars();
        try {
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(chars));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            if (encoded.hasArray()) {
                Arrays.fill(encoded.array(), (byte) 0);
            }
            return bytes;
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private static Secret toSecret(byte[] plain) {
        CharBuffer decoded = StandardCharsets.UTF_8.decode(ByteBuffer.wrap(plain));
        char[] chars = new char[decoded.remaining()];
        decoded.get(chars);
        if (decoded.hasArray()) {
            Arrays.fill(decoded.array(), '\0');
        }
        PassphraseCipher.wipe(plain);
        try {
            return Secret.of(chars);
        } finally {
            Arrays.fill(chars, '\0');
        }
    }
}
