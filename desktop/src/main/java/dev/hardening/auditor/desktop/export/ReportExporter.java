package dev.hardening.auditor.desktop.export;

import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.PlaybookMarkdownWriter;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.store.StoredSnapshot;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Renders and writes exports with the library's writers (the same bytes as {@code auditor audit
 * --format …} and {@code auditor export}): through the app's redactor, written to a temporary file
 * and moved into place so a reader never sees half a file.
 */
public final class ReportExporter {
    private final Collection<CheckMetadata> catalog;
    private final SecretRedactor redactor;
    private final UiThreadGuard guard;

    public ReportExporter(Collection<CheckMetadata> catalog, SecretRedactor redactor, UiThreadGuard guard) {
        this.catalog = List.copyOf(catalog);
        this.redactor = Objects.requireNonNull(redactor, "redactor");
        this.guard = Objects.requireNonNull(guard, "guard");
    }

    /** A report format or the playbook. */
    public byte[] render(ExportFormat format, AuditReport report) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (format == ExportFormat.PLAYBOOK) {
            new PlaybookMarkdownWriter(redactor).write(report, out);
        } else {
            format.reportFormat().orElseThrow(() -> new IllegalArgumentException(format + " is not a report format"))
                    .writer(redactor, catalog).write(report, out);
        }
        return out.toByteArray();
    }

    /** A stored snapshot as signed evidence. */
    public byte[] sign(StoredSnapshot snapshot, SigningKey key) {
        return EvidenceFile.export(snapshot, key);
    }

    /** Writes atomically; returns the absolute path. */
    public Path write(Path target, byte[] bytes) throws IOException {
        guard.requireBackground("writing an export");
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Path tmp = Files.createTempFile(dir, ".auditor-export-", ".tmp");
        try (OutputStream os = Files.newOutputStream(tmp)) {
            os.write(bytes);
        }
        try {
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException atomicUnsupported) {
            Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
        }
        return absolute;
    }
}
