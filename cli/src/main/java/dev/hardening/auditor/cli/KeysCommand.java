package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.signing.PublicKey;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.signing.SigningKeyStore;
import dev.hardening.auditor.core.signing.SigningKeyStore.KeyStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code auditor keys}: the installation's evidence signing key. */
@Command(name = "keys", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
        description = "The Ed25519 key that signs exported snapshots: create it, and export its public key for auditors.",
        subcommands = {KeysCommand.Init.class, KeysCommand.Export.class})
final class KeysCommand implements Runnable {
    @ParentCommand
    AuditorCommand root;

    @Override
    public void run() {
        new picocli.CommandLine(this).usage(root.terminal().out());
    }

    @Command(name = "init", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
            description = "Create this installation's signing key (in the OS keychain, or an encrypted file with --key-store file); does nothing if it exists.")
    static final class Init implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Mixin
        KeyOptions options = new KeyOptions();

        @Override
        public Integer call() {
            AuditorCommand root = keys.root;
            SigningKeyStore store = options.store(root.environment());
            try {
                Optional<SigningKey> existing = store.load();
                if (existing.isPresent()) {
                    root.terminal().out().println("a signing key already exists in " + store.describe() + ": "
                            + existing.get().publicKey().keyId());
                    return ExitCodes.OK;
                }
                SigningKey key = store.loadOrCreate(new SecureRandom());
                root.terminal().out().println("created signing key " + key.publicKey().keyId() + " in "
                        + store.describe() + "; give auditors its public key: auditor keys export --out auditor-key.pem");
                return ExitCodes.OK;
            } catch (KeyStoreException e) {
                throw UserError.cannotRun(e.getMessage());
            }
        }
    }

    @Command(name = "export", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
            description = "Print (or write with --out) the public key, as PEM, for auditors and team leads.")
    static final class Export implements Callable<Integer> {
        @ParentCommand
        KeysCommand keys;

        @Mixin
        KeyOptions options = new KeyOptions();

        @Option(names = "--out", paramLabel = "FILE", description = "Write the PEM public key to FILE.")
        Path out;

        @Override
        public Integer call() {
            AuditorCommand root = keys.root;
            PublicKey key = options.publicKey(root.environment());
            if (out != null) {
                AuditRunner.writeAtomically(out, key.toPem().getBytes(StandardCharsets.US_ASCII));
                root.terminal().info("public key " + key.keyId() + " written to " + out);
            } else {
                root.terminal().out().print(key.toPem());
                root.terminal().out().flush();
            }
            return ExitCodes.OK;
        }
    }
}
