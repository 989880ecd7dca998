package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.secrets.Argon2Parameters;
import dev.hardening.auditor.core.signing.EncryptedFileKeyStore;
import dev.hardening.auditor.core.signing.KeychainKeyStore;
import dev.hardening.auditor.core.secrets.PassphraseSource;
import dev.hardening.auditor.core.signing.PublicKey;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.signing.SigningKeyStore;
import dev.hardening.auditor.core.signing.SigningKeyStore.KeyStoreException;
import java.io.Console;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Option;

/**
 * Where the installation's signing key is kept: the OS keychain, or a file encrypted with a
 * passphrase ({@code AUDITOR_KEY_PASSPHRASE} or typed at the console). {@code auto} uses the key
 * file when it exists, else the keychain when there is one, else a new key file.
 */
final class KeyOptions {
    static final String PASSPHRASE_VARIABLE = "AUDITOR_KEY_PASSPHRASE";

    @Option(names = "--key-store", paramLabel = "auto|keychain|file",
            description = "Where the signing key is kept (default: auto, or AUDITOR_KEY_STORE): the OS keychain, or a passphrase-encrypted file.")
    String keyStore;

    @Option(names = "--key-file", paramLabel = "FILE",
            description = "The encrypted key file (default: signing-key.json in the auditor's data directory, or AUDITOR_KEY_FILE).")
    Path keyFile;

    SigningKeyStore store(Map<String, String> env) {
        String mode = keyStore != null ? keyStore : env.getOrDefault("AUDITOR_KEY_STORE", "auto");
        Path file = keyFile != null ? keyFile
                : env.containsKey("AUDITOR_KEY_FILE") ? Path.of(env.get("AUDITOR_KEY_FILE"))
                : StoreOptions.directories(env).data().resolve("signing-key.json");
        EncryptedFileKeyStore fileStore = new EncryptedFileKeyStore(file, passphrases(env),
                Argon2Parameters.recommended(), new SecureRandom());
        switch (mode.toLowerCase(Locale.ROOT)) {
            case "file":
                return fileStore;
            case "keychain":
                try {
                    return KeychainKeyStore.open();
                } catch (KeyStoreException e) {
                    throw UserError.cannotRun(e.getMessage() + "; use --key-store file");
                }
            case "auto":
                if (Files.exists(file)) {
                    return fileStore;
                }
                try {
                    return KeychainKeyStore.open();
                } catch (KeyStoreException e) {
                    return fileStore;
                }
            default:
                throw UserError.usage("--key-store: expected auto, keychain or file, found '" + mode + "'");
        }
    }

    /** The installation's signing key; {@code auditor keys init} creates it. */
    SigningKey signingKey(Map<String, String> env) {
        SigningKeyStore store = store(env);
        try {
            return store.load().orElseThrow(() -> UserError.cannotRun("there is no signing key in "
                    + store.describe() + " yet: create one with 'auditor keys init'"));
        } catch (KeyStoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
    }

    PublicKey publicKey(Map<String, String> env) {
        SigningKeyStore store = store(env);
        try {
            return store.publicKey().orElseThrow(() -> UserError.cannotRun("there is no signing key in "
                    + store.describe() + " yet: create one with 'auditor keys init'"));
        } catch (KeyStoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
    }

    private static PassphraseSource passphrases(Map<String, String> env) {
        return (prompt, confirm) -> {
            String fromEnv = env.get(PASSPHRASE_VARIABLE);
            if (fromEnv != null && !fromEnv.isEmpty()) {
                return Optional.of(fromEnv.toCharArray());
            }
            Console console = System.console();
            if (console == null) {
                return Optional.empty();
            }
            char[] first = console.readPassword("%s", prompt);
            if (first == null) {
                return Optional.empty();
            }
            if (confirm) {
                char[] again = console.readPassword("Repeat the passphrase: ");
                boolean same = again != null && Arrays.equals(first, again);
                if (again != null) {
                    Arrays.fill(again, '\0');
                }
                if (!same) {
                    Arrays.fill(first, '\0');
                    throw UserError.usage("the two passphrases differ");
                }
            }
            return Optional.of(first);
        };
    }
}
