package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.demo.DemoWorld;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.store.NewSnapshot;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.core.store.StoreException;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code auditor snapshot}: an audit, stored in the snapshot database; optionally exported as signed evidence. */
@Command(name = "snapshot", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
        "Audit (same options as 'audit') and store the result as a snapshot in the snapshot database.",
        "The report is written only with --out; --export also writes the snapshot as signed evidence.",
        "Exit code by --fail-on, as for 'audit'."})
final class SnapshotCommand extends AuditCommand {
    @Option(names = "--export", paramLabel = "FILE",
            description = "Also write the new snapshot as a signed evidence file (see 'auditor keys init').")
    Path export;

    @Option(names = "--demo", description = "Snapshot the bundled demo world (offline; --policy still applies).")
    boolean demo;

    @Mixin
    KeyOptions keys = new KeyOptions();

    @Override
    public Integer call() throws Exception {
        Terminal terminal = root.terminal();
        Prepared audit = demo ? prepareDemo() : prepare();
        // Unlock the key before the audit, not after it: a wrong passphrase should not cost an audit.
        SigningKey key = export != null ? keys.signingKey(root.environment()) : null;
        AuditRunner runner = new AuditRunner(terminal);
        AuditReport result = runner.audit(audit.auditor(), audit.targets(), audit.policy(), audit.checks(), report);
        SnapshotSummary saved;
        try (SnapshotStore store = SnapshotStore.open(audit.database())) {
            saved = store.save(NewSnapshot.of(result, NewSnapshot.currentUser(), audit.policy().sha256(),
                    terminal.redactor()));
            if (export != null) {
                byte[] signed = EvidenceFile.export(store.get(saved.id()).orElseThrow(), key);
                AuditRunner.writeAtomically(export, signed);
            }
        } catch (StoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
        if (report.out != null) {
            runner.write(result, report, audit.auditor());
        }
        terminal.out().println((result.demo() ? "DEMO — " : "") + "snapshot " + saved.id() + " stored in "
                + audit.database() + ": score " + saved.score() + "/100, " + saved.fail() + " FAIL, " + saved.warn()
                + " WARN, " + saved.unknown() + " UNKNOWN, " + saved.pass() + " PASS"
                + (export != null ? "; signed evidence written to " + export : ""));
        return AuditRunner.exitCode(result, report);
    }

    private Prepared prepareDemo() {
        report.validate();
        Path db = database != null ? database : StoreOptions.defaultDatabase(root.environment());
        Policy policy = policyFile == null ? DemoWorld.policy() : loadPolicy();
        Auditor auditor = new Auditor(CheckRegistry.load(), DemoWorld.settings(HttpSettings.defaults())
                .withSnapshotStore(db));
        return new Prepared(auditor, DemoWorld.targets(), policy, Set.of(), db);
    }
}
