package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.StoreException;
import dev.hardening.auditor.core.store.StoredSnapshot;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code auditor export ID --out FILE}: a stored snapshot as signed evidence. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
        "Write a stored snapshot as signed evidence: canonical JSON with an Ed25519 signature (docs/EVIDENCE.md).",
        "Give auditors the public key from 'auditor keys export'; they check the file with 'auditor verify'."})
final class ExportCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Parameters(index = "0", paramLabel = "SNAPSHOT", defaultValue = "latest",
            description = "Snapshot id, 'latest' or 'previous'. Default: ${DEFAULT-VALUE}.")
    String snapshot;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The signed file to write.")
    Path out;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Mixin
    KeyOptions keys = new KeyOptions();

    @Override
    public Integer call() {
        StoredSnapshot s;
        try (SnapshotStore db = store.open(root.environment())) {
            s = SnapshotRef.stored(db, snapshot);
        } catch (StoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
        var key = keys.signingKey(root.environment());
        AuditRunner.writeAtomically(out, EvidenceFile.export(s, key));
        root.terminal().out().println("snapshot " + s.id() + " signed with key " + key.publicKey().keyId()
                + " and written to " + out);
        return ExitCodes.OK;
    }
}
