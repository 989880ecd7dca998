package dev.hardening.auditor.desktop.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.core.team.TeamMember;
import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.export.ReportExporter;
import dev.hardening.auditor.desktop.export.SigningKeySource;
import dev.hardening.auditor.desktop.testing.DemoReport;
import dev.hardening.auditor.desktop.testing.InMemoryArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Team screen's view model on the demo world's report, without a toolkit. */
class TeamMatrixViewModelTest {
    @TempDir
    Path dir;

    private final InMemoryArchive archive = new InMemoryArchive("the test database");
    private final TeamMatrixViewModel team = new TeamMatrixViewModel(new CurrentThreadTaskExecutor(), () -> archive);

    @Test
    void before_an_audit_the_matrix_is_empty_and_says_what_to_do() {
        assertThat(team.rows()).isEmpty();
        assertThat(team.messageProperty().get()).startsWith("Run an audit (or the demo)");
    }

    @Test
    void the_latest_audit_gives_publishers_by_packages_with_the_auditors_own_badges() {
        team.showReport(DemoReport.get());

        assertThat(team.packages()).contains("npm:@inkwell/cli");
        TeamMatrix.PublisherRow you = row("npm: quill-dev");
        assertThat(you.member()).contains(TeamMatrixViewModel.THIS_AUDIT);
        for (TeamMatrix.Badge badge : List.of(you.secondFactor(), you.longLivedTokens(), you.signing(), you.breached())) {
            assertThat(badge.status()).as("audited in the latest audit").isPresent();
            assertThat(badge.display()).as("icon and words, not colour alone").matches("^[✔✖⚠?✎–] [A-Z_/]+.*");
        }
        assertThat(you.publishCell("npm:@inkwell/cli")).startsWith("✔ publishes · ");
        TeamMatrix.PublisherRow other = row("npm: dex-holloway");
        assertThat(other.member()).isEmpty();
        assertThat(other.secondFactor().display()).isEqualTo("– not audited");
        assertThat(team.sources()).singleElement().asString().startsWith(TeamMatrixViewModel.THIS_AUDIT);
        assertThat(team.messageProperty().get()).contains("publishing accounts across");
    }

    @Test
    void a_members_signed_snapshot_is_verified_against_the_registered_key_and_a_stranger_refused() throws Exception {
        AuditReport report = DemoReport.get();
        SnapshotSummary stored = archive.save(report, "");
        SigningKey memberKey = SigningKeySource.throwaway().load(new char[0]);
        SigningKey strangerKey = SigningKeySource.throwaway().load(new char[0]);
        ReportExporter exporter = new ReportExporter(List.of(), new SecretRedactor(), UiThreadGuard.none());
        Path signed = Files.write(dir.resolve("dex.snapshot.json"),
                exporter.sign(archive.get(stored.id()).orElseThrow(), memberKey));
        Path forged = Files.write(dir.resolve("stranger.snapshot.json"),
                exporter.sign(archive.get(stored.id()).orElseThrow(), strangerKey));
        archive.register(new TeamMember("dex", memberKey.publicKey(), Instant.parse("2026-01-01T00:00:00Z")));
        team.showReport(report);

        team.importFiles(List.of(signed, forged));

        assertThat(team.sources()).hasSize(2).anySatisfy(s -> assertThat(s).startsWith("dex: signed snapshot"));
        assertThat(team.refused()).singleElement().asString().startsWith("stranger.snapshot.json: ");
    }

    private TeamMatrix.PublisherRow row(String label) {
        Optional<TeamMatrix.PublisherRow> row = team.rows().stream().filter(r -> r.label().equals(label)).findFirst();
        assertThat(row).as(label).isPresent();
        return row.get();
    }
}
