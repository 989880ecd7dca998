package dev.hardening.auditor.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.core.store.StoreException;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code auditor history}: the stored snapshots, oldest first. */
@Command(name = "history", mixinStandardHelpOptions = true, versionProvider = AuditorCommand.Version.class,
        description = "List the snapshots in the snapshot database with their score and counts.")
final class HistoryCommand implements Callable<Integer> {
    @ParentCommand
    AuditorCommand root;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text (a table) or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Override
    public Integer call() {
        if (!format.equals("text") && !format.equals("json")) {
            throw UserError.usage("--format: expected text or json, found '" + format + "'");
        }
        List<SnapshotSummary> rows = java.nio.file.Files.exists(store.resolve(root.environment())) ? read() : List.of();
        Terminal t = root.terminal();
        if (format.equals("json")) {
            ArrayNode out = new ObjectMapper().createArrayNode();
            for (SnapshotSummary r : rows) {
                ObjectNode n = out.addObject();
                n.put("id", r.id());
                n.put("takenAt", r.takenAt().toString());
                n.put("takenBy", r.takenBy());
                n.put("toolVersion", r.toolVersion());
                n.put("policySha256", r.policySha256());
                n.put("score", r.score());
                n.put("FAIL", r.fail());
                n.put("WARN", r.warn());
                n.put("UNKNOWN", r.unknown());
                n.put("PASS", r.pass());
                n.put("demo", r.demo());
                r.targets().forEach(n.putArray("targets")::add);
            }
            t.out().println(out.toPrettyString());
            return ExitCodes.OK;
        }
        if (rows.isEmpty()) {
            t.out().println("No snapshots in " + store.resolve(root.environment()) + " yet: take one with 'auditor snapshot'.");
            return ExitCodes.OK;
        }
        t.out().printf("%5s  %-24s  %5s  %4s  %4s  %7s  %4s  %-20s  %s%n", "id", "taken at (UTC)", "score", "FAIL",
                "WARN", "UNKNOWN", "PASS", "by", "targets");
        for (SnapshotSummary r : rows) {
            t.out().printf("%5d  %-24s  %5d  %4d  %4d  %7d  %4d  %-20s  %s%n", r.id(),
                    r.takenAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS), r.score(), r.fail(),
                    r.warn(), r.unknown(), r.pass(), r.takenBy(), (r.demo() ? "DEMO " : "") + String.join(" ", r.targets()));
        }
        return ExitCodes.OK;
    }

    private List<SnapshotSummary> read() {
        try (SnapshotStore s = store.open(root.environment())) {
            return s.list();
        } catch (StoreException e) {
            throw UserError.cannotRun(e.getMessage());
        }
    }
}
