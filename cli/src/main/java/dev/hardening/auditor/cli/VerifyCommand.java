package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.signing.EvidenceException;
import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.signing.PublicKey;
import dev.hardening.auditor.core.signing.VerifiedSnapshot;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.StoreException;
import dev.hardening.auditor.core.team.TeamMember;
import dev.hardening.auditor.core.team.TeamRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code auditor verify FILE}: checks a signed snapshot byte for byte against a trusted public key. */
@Command(name = "verify", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
        "Verify a signed snapshot (from 'auditor export' or 'snapshot --export') against a trusted public key:",
        "--key FILE (a PEM public key from 'auditor keys export'), --member NAME (the team registry), or by default this installation's own key.",
        "Any changed byte, a wrong key or a truncated file is refused. Exit code 0 verified, 1 refused."})
final class VerifyCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Parameters(index = "0", paramLabel = "FILE", description = "The signed snapshot.")
    Path file;

    static final class Trust {
        @Option(names = "--key", paramLabel = "PEM-FILE", description = "The public key to trust.")
        Path key;

        @Option(names = "--member", paramLabel = "NAME", description = "Trust the registered key of this team member.")
        String member;
    }

    @ArgGroup(exclusive = true)
    Trust trust;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    KeyOptions keys = new KeyOptions();

    @Override
    public Integer call() {
        byte[] bytes;
        try {
            if (!Files.isRegularFile(file)) {
                throw UserError.usage("no such file: " + file);
            }
            if (Files.size(file) > EvidenceFile.MAX_BYTES) {
                throw UserError.usage(file + " is larger than any signed snapshot");
            }
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw UserError.cannotRun("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
        PublicKey trusted = trustedKey();
        Terminal t = root.terminal();
        try {
            VerifiedSnapshot s = EvidenceFile.verify(bytes, trusted);
            t.out().println("verified: " + file + " is snapshot " + s.snapshotId() + " taken " + s.takenAt() + " by "
                    + s.takenBy() + " (auditor " + s.toolVersion() + "), score " + s.report().score()
                    + "/100, signed with key " + s.keyId());
            return ExitCodes.OK;
        } catch (EvidenceException e) {
            t.error("refused: " + file + ": " + e.getMessage());
            return ExitCodes.FINDINGS;
        }
    }

    private PublicKey trustedKey() {
        if (trust != null && trust.key != null) {
            try {
                return PublicKey.fromPem(Files.readString(trust.key, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw UserError.usage("cannot read the public key " + trust.key + ": " + e.getClass().getSimpleName());
            } catch (IllegalArgumentException e) {
                throw UserError.usage(trust.key + ": " + e.getMessage());
            }
        }
        if (trust != null && trust.member != null) {
            try (SnapshotStore s = store.open(root.environment())) {
                return new TeamRegistry(s.database()).members().stream()
                        .filter(m -> m.name().equalsIgnoreCase(trust.member)).map(TeamMember::publicKey).findFirst()
                        .orElseThrow(() -> UserError.usage("no team member named " + trust.member
                                + " ('auditor team members' lists them)"));
            } catch (StoreException e) {
                throw UserError.cannotRun(e.getMessage());
            }
        }
        return keys.publicKey(root.environment());
    }
}
