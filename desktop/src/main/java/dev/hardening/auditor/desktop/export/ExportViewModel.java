package dev.hardening.auditor.desktop.export;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.signing.SigningKeyStore.KeyStoreException;
import dev.hardening.auditor.core.store.StoredSnapshot;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.history.SnapshotArchive;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The Export screen: writes the latest report as Markdown, HTML, JSON or SARIF, its incident
 * playbook, or its snapshot signed with the installation's key. The file is chosen by the view; all
 * rendering, signing and writing happens off the UI thread.
 */
public final class ExportViewModel {
    private final TaskExecutor tasks;
    private final ReportExporter exporter;
    private final Supplier<SnapshotArchive> archive;
    private final Supplier<SigningKeySource> keys;
    private final ReadOnlyObjectWrapper<AuditReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Long> snapshotId = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper passphraseNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper keyText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("Run an audit (or the demo) first: exports"
            + " are made from the latest audit.");
    private final ReadOnlyObjectWrapper<Path> lastWritten = new ReadOnlyObjectWrapper<>();
    private final BooleanBinding canExport = report.isNotNull().and(busy.not());

    /**
     * @param archive where the snapshot to sign is stored (or stored now, if the audit was not yet)
     * @param keys    the signing key of the current world (the installation's, or the demo's throwaway one)
     */
    public ExportViewModel(TaskExecutor tasks, ReportExporter exporter, Supplier<SnapshotArchive> archive,
                           Supplier<SigningKeySource> keys) {
        this.tasks = Objects.requireNonNull(tasks, "tasks");
        this.exporter = Objects.requireNonNull(exporter, "exporter");
        this.archive = Objects.requireNonNull(archive, "archive");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The report to export, and the id of its stored snapshot (null when it was not stored). */
    public void show(AuditReport latest, Long storedAs) {
        report.set(latest);
        snapshotId.set(storedAs);
        message.set(latest == null ? message.get() : "Exports are made from the audit of " + latest.generatedAt()
                + (latest.demo() ? " (DEMO: every file says so)." : "."));
        refreshKey();
    }

    /** The id of the report's snapshot, once it is stored. */
    public void stored(Long id) {
        snapshotId.set(id);
    }

    /** Finds out where the signing key is and whether it needs a passphrase. */
    public void refreshKey() {
        SigningKeySource source = keys.get();
        // Both answers look at files or the keychain: found in the background, shown on the UI thread.
        tasks.execute(BackgroundTask.of("Find the signing key", () -> new KeyState(source.needsPassphrase(),
                source.describe())).onSuccess(state -> {
            passphraseNeeded.set(state.needsPassphrase());
            keyText.set("Signed snapshots are signed with " + state.description() + "."
                    + (state.needsPassphrase() ? " Type its passphrase (a new key file needs one of 8 characters or more)." : ""));
        }).onFailure(error -> keyText.set("The signing key cannot be used: " + describe(error) + ".")));
    }

    /**
     * Writes {@code format} to {@code target}. {@code passphrase} (taken and wiped) unlocks an
     * encrypted key file for a signed snapshot; pass an empty array otherwise.
     */
    public void export(ExportFormat format, Path target, char[] passphrase) {
        char[] typed = Arrays.copyOf(passphrase, passphrase.length);
        Arrays.fill(passphrase, '\0');
        AuditReport current = report.get();
        if (current == null || busy.get()) {
            Arrays.fill(typed, '\0');
            return;
        }
        busy.set(true);
        message.set("Writing " + target.getFileName() + "…");
        SnapshotArchive store = archive.get();
        SigningKeySource source = keys.get();
        Long knownId = snapshotId.get();
        tasks.execute(BackgroundTask.of("Export", () -> {
            try {
                if (format != ExportFormat.SIGNED_SNAPSHOT) {
                    return new Written(exporter.write(target, exporter.render(format, current)), knownId, "");
                }
                long id = knownId != null ? knownId : store.save(current, "").id();
                StoredSnapshot snapshot = store.get(id).orElseThrow(() ->
                        new IllegalStateException("snapshot " + id + " is not in " + store.describe()));
                SigningKey key = source.load(Arrays.copyOf(typed, typed.length));
                return new Written(exporter.write(target, exporter.sign(snapshot, key)), id, key.publicKey().keyId());
            } finally {
                Arrays.fill(typed, '\0');
            }
        }).onSuccess(written -> {
            busy.set(false);
            snapshotId.set(written.snapshotId());
            lastWritten.set(written.path());
            message.set("Wrote " + written.path() + (written.keyId().isEmpty() ? ""
                    : " (snapshot " + written.snapshotId() + ", signed with key " + written.keyId()
                    + "; check it with: auditor verify " + written.path().getFileName() + ")") + ".");
        }).onFailure(error -> {
            busy.set(false);
            message.set("The export failed: " + describe(error) + ".");
        }));
    }

    private record Written(Path path, Long snapshotId, String keyId) {
    }

    private static String describe(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof KeyStoreException) && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return cause instanceof java.io.IOException ? cause.getClass().getSimpleName() + " (" + text + ")" : text;
    }

    public ReadOnlyObjectProperty<AuditReport> reportProperty() {
        return report.getReadOnlyProperty();
    }

    /** The stored snapshot of the report; null until it is stored. */
    public ReadOnlyObjectProperty<Long> snapshotIdProperty() {
        return snapshotId.getReadOnlyProperty();
    }

    public BooleanBinding canExportProperty() {
        return canExport;
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty passphraseNeededProperty() {
        return passphraseNeeded.getReadOnlyProperty();
    }

    /** Where the signing key is. */
    public ReadOnlyStringProperty keyTextProperty() {
        return keyText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** The file of the last successful export. */
    public ReadOnlyObjectProperty<Path> lastWrittenProperty() {
        return lastWritten.getReadOnlyProperty();
    }

    private record KeyState(boolean needsPassphrase, String description) {
    }
}
