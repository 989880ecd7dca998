package dev.hardening.auditor.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.Score;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.history.SqliteSnapshotArchive;
import dev.hardening.auditor.desktop.testing.DemoReport;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Export screen's view model: every format written to disk, without a toolkit. */
class ExportViewModelTest {
    private static final String TOKEN = "ghp_ExportTestToken0123456789abcdefABCDE";

    @TempDir
    Path dir;

    private final SecretRedactor redactor = new SecretRedactor();

    private ExportViewModel export(SigningKeySource keys) {
        SqliteSnapshotArchive archive = new SqliteSnapshotArchive(dir.resolve("snapshots.db"), redactor, UiThreadGuard.none());
        return new ExportViewModel(new CurrentThreadTaskExecutor(),
                new ReportExporter(DemoReport.registry().catalog(), redactor, UiThreadGuard.none()), () -> archive, () -> keys);
    }

    @Test
    void nothing_is_exported_before_an_audit() {
        ExportViewModel export = export(SigningKeySource.throwaway());

        assertThat(export.canExportProperty().get()).isFalse();
        export.export(ExportFormat.MARKDOWN, dir.resolve("x.md"), new char[0]);
        assertThat(dir.resolve("x.md")).doesNotExist();
    }

    @Test
    void every_format_of_the_demo_audit_is_written_and_says_demo() throws Exception {
        ExportViewModel export = export(SigningKeySource.throwaway());
        export.show(DemoReport.get(), null);
        assertThat(export.canExportProperty().get()).isTrue();

        for (ExportFormat format : ExportFormat.values()) {
            Path target = dir.resolve("demo-" + format.id() + format.extension());
            export.export(format, target, new char[0]);
            assertThat(export.messageProperty().get()).as(format.name()).startsWith("Wrote ");
            assertThat(export.lastWrittenProperty().get()).isEqualTo(target.toAbsolutePath());
            assertThat(Files.size(target)).as(format.name()).isGreaterThan(200);
        }
        assertThat(Files.readString(dir.resolve("demo-markdown.md"))).contains("DEMO REPORT", "- [ ]", "- [x]");
        assertThat(Files.readString(dir.resolve("demo-html.html"))).contains("<html").doesNotContain("<script");
        assertThat(Files.readString(dir.resolve("demo-sarif" + ExportFormat.SARIF.extension()))).contains("2.1.0", "\"runs\"");
    }

    @Test
    void a_signed_snapshot_is_stored_first_then_signed_and_verifies_with_the_key() throws Exception {
        SigningKeySource source = SigningKeySource.throwaway();
        SigningKey key = source.load(new char[0]);
        ExportViewModel export = export(source);
        export.show(SampleReports.everyStatus(false), null);
        Path target = dir.resolve("audit.snapshot.json");

        export.export(ExportFormat.SIGNED_SNAPSHOT, target, new char[0]);

        assertThat(export.snapshotIdProperty().get()).isEqualTo(1L);
        assertThat(export.messageProperty().get()).contains("signed with key " + key.publicKey().keyId())
                .contains("auditor verify audit.snapshot.json");
        assertThat(EvidenceFile.verify(Files.readAllBytes(target), key.publicKey()).report().score())
                .isEqualTo(SampleReports.everyStatus(false).score());
    }

    @Test
    void a_token_the_app_holds_never_reaches_an_export_even_if_a_finding_carried_it() throws Exception {
        // What ConfiguredAuditLauncher does with every credential it hands to an audit.
        redactor.register(Secret.of(TOKEN));
        AuditReport sample = SampleReports.everyStatus(false);
        List<Finding> findings = new ArrayList<>(sample.findings());
        findings.add(new Finding("workstation.credentials", Status.FAIL, Severity.HIGH, Stage.FORTIFY, "workstation",
                "No plain-text tokens", "A token " + TOKEN + " sits in ~/.npmrc.", "",
                List.of(new Evidence("token", TOKEN, "~/.npmrc")), List.of(), List.of()));
        AuditReport leaky = new AuditReport(sample.schemaVersion(), sample.tool(), sample.generatedAt(), false,
                sample.targets(), Score.of(findings), AuditReport.summarize(findings), findings, sample.metadata());
        ExportViewModel export = export(SigningKeySource.throwaway());
        export.show(leaky, null);

        for (ExportFormat format : ExportFormat.values()) {
            Path target = dir.resolve("leak-" + format.id());
            export.export(format, target, new char[0]);
            assertThat(new String(Files.readAllBytes(target), StandardCharsets.ISO_8859_1)).as(format.name())
                    .doesNotContain(TOKEN).doesNotContain(TOKEN.substring(4, 24));
        }
    }

    @Test
    void a_failed_write_says_why_and_frees_the_buttons() throws Exception {
        ExportViewModel export = export(SigningKeySource.throwaway());
        export.show(SampleReports.everyStatus(false), null);
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");

        export.export(ExportFormat.JSON, notADirectory.resolve("report.json"), new char[0]);

        assertThat(export.messageProperty().get()).startsWith("The export failed: ");
        assertThat(export.busyProperty().get()).isFalse();
        assertThat(export.canExportProperty().get()).isTrue();
    }
}
