package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.InvalidReportException;
import dev.hardening.auditor.core.report.JsonReportReader;
import dev.hardening.auditor.core.signing.CanonicalJson;
import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.core.store.StoredSnapshot;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One side of a diff or an export: a snapshot id, {@code latest}, {@code previous} (the one before
 * the latest), or the path of a JSON report or signed snapshot file.
 */
record SnapshotRef(String label, AuditReport report) {
    static StoredSnapshot stored(SnapshotStore store, String ref) {
        List<SnapshotSummary> all = store.list();
        long id;
        switch (ref) {
            case "latest" -> {
                if (all.isEmpty()) {
                    throw UserError.usage("there are no snapshots yet: take one with 'auditor snapshot'");
                }
                id = all.get(all.size() - 1).id();
            }
            case "previous" -> {
                if (all.size() < 2) {
                    throw UserError.usage("'previous' needs at least two snapshots; there " + (all.size() == 1 ? "is 1" : "are 0"));
                }
                id = all.get(all.size() - 2).id();
            }
            default -> {
                try {
                    id = Long.parseLong(ref);
                } catch (NumberFormatException e) {
                    throw UserError.usage("'" + ref + "' is neither a snapshot id, 'latest', 'previous' nor a file");
                }
            }
        }
        long wanted = id;
        return store.get(wanted).orElseThrow(() -> UserError.usage("there is no snapshot " + wanted + " in "
                + store.database().file() + " ('auditor history' lists them)"));
    }

    static SnapshotRef resolve(String ref, StoreOptions storeOptions, java.util.Map<String, String> env) {
        Path file = Path.of(ref);
        if (!ref.matches("\\d+|latest|previous") && Files.isRegularFile(file)) {
            return fromFile(file);
        }
        try (SnapshotStore store = storeOptions.open(env)) {
            StoredSnapshot s = stored(store, ref);
            return new SnapshotRef("snapshot " + s.id() + " (" + s.summary().takenAt() + ")", s.report());
        }
    }

    private static SnapshotRef fromFile(Path file) {
        try {
            if (Files.size(file) > EvidenceFile.MAX_BYTES) {
                throw UserError.usage(file + " is too large to be a report");
            }
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.startsWith("{\"format\":\"" + EvidenceFile.FORMAT + "\"")) {
                // A signed snapshot: its report is compared as it is; 'auditor verify' checks the signature.
                String report = CanonicalJson.parse(bytes).path("snapshot").path("report").toString();
                return new SnapshotRef(file + " (signed snapshot, not verified here)", new JsonReportReader().read(report));
            }
            return new SnapshotRef(file.toString(), new JsonReportReader().read(text));
        } catch (InvalidReportException | CanonicalJson.CanonicalFormException e) {
            throw UserError.usage(file + ": " + e.getMessage());
        } catch (IOException e) {
            throw UserError.cannotRun("cannot read " + file + ": " + e.getClass().getSimpleName());
        }
    }
}
