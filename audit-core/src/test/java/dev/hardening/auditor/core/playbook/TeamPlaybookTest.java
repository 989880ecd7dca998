package dev.hardening.auditor.core.playbook;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.TeamPlaybookWriter;
import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.store.NewSnapshot;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.team.TeamImport;
import dev.hardening.auditor.core.team.TeamRegistry;
import dev.hardening.auditor.core.testing.ReportBuilder;
import dev.hardening.auditor.core.tokens.CredentialKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The team's incident playbook from members' signed self-audits. */
class TeamPlaybookTest {
    private static final SigningKey ALICE = SigningKey.generate(new SecureRandom());
    private static final SigningKey BOB = SigningKey.generate(new SecureRandom());

    @TempDir
    Path dir;
    private SnapshotStore lead;
    private TeamRegistry registry;

    @BeforeEach
    void registry() {
        lead = SnapshotStore.open(dir.resolve("lead.db"));
        registry = new TeamRegistry(lead.database());
        registry.add("alice", ALICE.publicKey(), Instant.parse("2026-05-01T00:00:00Z"));
        registry.add("bob", BOB.publicKey(), Instant.parse("2026-05-01T00:00:00Z"));
    }

    @AfterEach
    void close() {
        lead.close();
    }

    @Test
    void packages_name_the_member_behind_each_publisher_and_credentials_are_rotated_publish_capable_first() throws Exception {
        Path alice = export("alice", ALICE, ReportBuilder.report().targets("npm-user:alice")
                .with("npm.2fa", "npm:~alice", Status.PASS)
                .with(roster("npm:left-pad", "alice", "bob", "mallory"))
                .with(credential("workstation.credentials", CredentialKind.AWS_LONG_LIVED_KEY, "~/.aws/credentials line 2",
                        false, "sha256:aaaaaaaaaaaa"))
                .build());
        Path bob = export("bob", BOB, ReportBuilder.report().targets("npm-user:bob")
                .with("npm.2fa", "npm:~bob", Status.FAIL)
                .with(roster("npm:left-pad", "alice", "bob", "mallory"))
                .with(credential("workstation.credentials", CredentialKind.NPM_TOKEN, "~/.npmrc line 1", true,
                        "sha256:bbbbbbbbbbbb"))
                .build());

        TeamPlaybook playbook = TeamPlaybook.of(TeamImport.verify(List.of(alice, bob), registry.members()));

        assertThat(playbook.sources()).hasSize(2);
        assertThat(playbook.packages()).singleElement().satisfies(p -> {
            assertThat(p.subject()).isEqualTo("npm:left-pad");
            assertThat(p.publishers()).containsEntry("alice", Optional.of("alice")).containsEntry("bob", Optional.of("bob"))
                    .containsEntry("mallory", Optional.empty());
            assertThat(p.contacts()).first().asString().startsWith("alice");
            assertThat(p.contacts()).anyMatch(c -> c.contains("mallory") && c.contains("without a verified self-audit"))
                    .anyMatch(c -> c.startsWith("npm:"));
        });
        assertThat(playbook.credentials()).extracting(c -> c.owner() + " " + c.credential().fingerprint())
                .containsExactly("bob sha256:bbbbbbbbbbbb", "alice sha256:aaaaaaaaaaaa");

        TeamPlaybookWriter writer = new TeamPlaybookWriter(null);
        String md = writer.markdown(playbook);
        String html = writer.html(playbook);
        assertThat(md).contains("# Team incident playbook", "`npm:left-pad`", "owner bob", "**can publish**");
        assertThat(md.indexOf("sha256:bbbbbbbbbbbb")).isLessThan(md.indexOf("sha256:aaaaaaaaaaaa"));
        assertThat(html).contains("<h1>Team incident playbook</h1>", "mallory").doesNotContain("<script").doesNotContain("src=");
    }

    @Test
    void nothing_verified_means_an_empty_playbook_that_says_so() {
        TeamPlaybook playbook = TeamPlaybook.of(new TeamImport.Result(List.of(), List.of()));

        assertThat(playbook.isEmpty()).isTrue();
        assertThat(new TeamPlaybookWriter(null).markdown(playbook)).contains("no packages and no credentials");
    }

    private Path export(String name, SigningKey key, AuditReport report) throws Exception {
        try (SnapshotStore own = SnapshotStore.open(dir.resolve(name + ".db"))) {
            long id = own.save(NewSnapshot.of(report, name + "@laptop", "", null)).id();
            Path file = dir.resolve(name + ".signed.json");
            Files.write(file, EvidenceFile.export(own.get(id).orElseThrow(), key));
            return file;
        }
    }

    private static Finding roster(String subject, String... publishers) {
        return ReportBuilder.finding("publishers.roster", subject, Status.WARN).withAttribute("publishers", List.of(publishers));
    }

    private static Finding credential(String check, CredentialKind kind, String location, boolean canPublish, String fingerprint) {
        List<Evidence> evidence = CredentialEvidence.of(kind, location, "", canPublish, kind.capability(), "",
                fingerprint, location);
        Finding f = ReportBuilder.finding(check, "workstation", canPublish ? Status.FAIL : Status.WARN);
        return new Finding(f.check(), f.status(), f.severity(), f.stage(), f.subject(), f.title(), f.message(), f.needed(),
                evidence, f.remediation(), f.references());
    }
}
