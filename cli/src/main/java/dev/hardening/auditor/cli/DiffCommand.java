package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.diff.DiffWriter;
import dev.hardening.auditor.core.diff.ReportDiff;
import dev.hardening.auditor.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code auditor diff A B}: what changed from snapshot A to snapshot B. */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class, description = {
        "Show what changed from A to B: new, resolved and changed findings, publisher roster changes, and tokens added or removed (by fingerprint).",
        "A and B are snapshot ids, 'latest', 'previous', or files (JSON reports or signed snapshots)."})
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Parameters(index = "0", paramLabel = "A", description = "The older side.")
    String before;

    @Parameters(index = "1", paramLabel = "B", description = "The newer side.")
    String after;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "md",
            description = "md or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--out", paramLabel = "FILE", description = "Write to FILE instead of standard output.")
    Path out;

    @Option(names = "--fail-on-new", description = "Exit with code 1 when there are new findings.")
    boolean failOnNew;

    @Override
    public Integer call() {
        if (!format.equals("md") && !format.equals("json")) {
            throw UserError.usage("--format: expected md or json, found '" + format + "'");
        }
        SnapshotRef a;
        SnapshotRef b;
        try {
            a = SnapshotRef.resolve(before, store, root.environment());
            b = SnapshotRef.resolve(after, store, root.environment());
        } catch (StoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
        ReportDiff diff = ReportDiff.between(a.report(), b.report());
        String text = format.equals("json") ? DiffWriter.json(diff, a.label(), b.label())
                : DiffWriter.markdown(diff, a.label(), b.label());
        String clean = root.redactor().redact(text);
        if (out != null) {
            AuditRunner.writeAtomically(out, clean.getBytes(StandardCharsets.UTF_8));
        } else {
            root.terminal().out().print(clean);
            root.terminal().out().flush();
        }
        return failOnNew && !diff.newFindings().isEmpty() ? ExitCodes.FINDINGS : ExitCodes.OK;
    }
}
