package dev.hardening.auditor.core.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.signing.EvidenceFile;
import dev.hardening.auditor.core.signing.SigningKey;
import dev.hardening.auditor.core.store.NewSnapshot;
import dev.hardening.auditor.core.store.SnapshotStore;
import dev.hardening.auditor.core.team.TeamView.Aspect;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TeamImportTest {
    private static final SigningKey ALICE = SigningKey.generate(new SecureRandom());
    private static final SigningKey BOB = SigningKey.generate(new SecureRandom());
    private static final SigningKey STRANGER = SigningKey.generate(new SecureRandom());

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

    @org.junit.jupiter.api.AfterEach
    void close() {
        lead.close();
    }

    @Test
    void verified_snapshots_make_a_view_per_person_platform_and_package() throws Exception {
        Path alice = export("alice", ALICE, ReportBuilder.report().targets("npm-user:alice", "github-user:alice")
                .with("github.2fa", "github:alice", Status.PASS)
                .with("account.mfa-method", "github:alice", Status.ATTESTED)
                .with("npm.2fa", "npm:~alice", Status.PASS)
                .with("npm.tokens", "npm:~alice", Status.FAIL, Evidence.of("token", "sha256:0123456789ab", "GET /-/npm/v1/tokens"))
                .with("github.signing-keys", "github:alice", Status.PASS)
                .with("email.breach", "email:a***@example.org", Status.FAIL)
                .with("workstation.credentials", "workstation", Status.WARN)
                .with(roster("npm:left-pad", "alice", "bob", "mallory"))
                .build());
        Path bob = export("bob", BOB, ReportBuilder.report().targets("npm-user:bob")
                .with("npm.2fa", "npm:~bob", Status.FAIL).build());

        TeamImport.Result result = TeamImport.verify(List.of(alice, bob), registry.members());
        TeamView view = TeamView.of(result);

        assertThat(result.refused()).isEmpty();
        assertThat(view.sources()).extracting(TeamView.Source::member).containsExactly("alice", "bob");
        var aliceRows = view.rowsOf("alice");
        assertThat(aliceRows.keySet()).containsExactly("email", "github", "npm", "workstation");
        assertThat(aliceRows.get("github").cells().get(Aspect.SECOND_FACTOR).describe())
                .isEqualTo("ATTESTED, 0 of 2 need action");
        assertThat(aliceRows.get("github").cells().get(Aspect.SIGNING_KEYS).describe()).isEqualTo("PASS (seen)");
        assertThat(aliceRows.get("npm").cells().get(Aspect.LONG_LIVED_TOKENS).describe()).isEqualTo("FAIL (seen)");
        assertThat(aliceRows.get("email").cells().get(Aspect.BREACHED_ADDRESSES).describe()).isEqualTo("FAIL (seen)");
        assertThat(aliceRows.get("workstation").cells().get(Aspect.WORKSTATION_EXPOSURE).describe()).isEqualTo("WARN (seen)");
        assertThat(view.rowsOf("bob").get("npm").cells().get(Aspect.SECOND_FACTOR).describe()).isEqualTo("FAIL (seen)");

        assertThat(view.packages()).extracting(p -> p.subject() + " " + p.publisher() + " " + p.member().orElse("-")
                + " " + p.secondFactor().describe())
                .containsExactly("npm:left-pad alice alice PASS (seen)", "npm:left-pad bob bob FAIL (seen)",
                        "npm:left-pad mallory - not audited");
        String md = TeamViewWriter.markdown(view);
        assertThat(md).contains("| npm:left-pad | mallory | no verified self-audit |".replace("npm:left-pad", "`npm:left-pad`"));
        assertThat(TeamViewWriter.json(view)).contains("\"second-factor\"", "\"publisher\" : \"mallory\"");
    }

    @Test
    void unverifiable_files_are_refused_with_a_clear_reason() throws Exception {
        AuditReport report = ReportBuilder.report().with("npm.2fa", "npm:~x", Status.PASS).build();
        Path stranger = export("stranger", STRANGER, report);
        Path changed = export("bob-changed", BOB, report);
        byte[] bytes = Files.readAllBytes(changed);
        bytes[bytes.length / 2] ^= 1;
        Files.write(changed, bytes);
        Path truncated = export("alice-truncated", ALICE, report);
        Files.write(truncated, java.util.Arrays.copyOf(Files.readAllBytes(truncated), 500));
        Path plain = dir.resolve("plain.json");
        Files.writeString(plain, "{\"schemaVersion\": 1}\n");

        TeamImport.Result result = TeamImport.verify(List.of(stranger, changed, truncated, plain, dir.resolve("missing.json")),
                registry.members());

        assertThat(result.accepted()).isEmpty();
        assertThat(result.refused()).extracting(TeamImport.Refused::reason).satisfiesExactly(
                r -> assertThat(r).contains("registered to no team member", STRANGER.publicKey().keyId()),
                r -> assertThat(r).containsAnyOf("changed", "not byte for byte", "invalid"),
                r -> assertThat(r).contains("truncated"),
                r -> assertThat(r).contains("not a signed snapshot"),
                r -> assertThat(r).contains("no such file"));
    }

    @Test
    void names_and_keys_are_registered_once() {
        assertThatThrownBy(() -> registry.add("Alice", STRANGER.publicKey(), Instant.now())).hasMessageContaining("already registered");
        assertThatThrownBy(() -> registry.add("carol", ALICE.publicKey(), Instant.now())).hasMessageContaining("registered to alice");
        assertThatThrownBy(() -> registry.add("../etc", STRANGER.publicKey(), Instant.now())).hasMessageContaining("not a member name");
        assertThat(registry.remove("bob")).isTrue();
        assertThat(registry.members()).extracting(TeamMember::name).containsExactly("alice");
    }

    private Path export(String name, SigningKey key, AuditReport report) throws Exception {
        try (SnapshotStore own = SnapshotStore.open(dir.resolve(name + ".db"))) {
            long id = own.save(NewSnapshot.of(report, name + "@laptop", "", null)).id();
            Path file = dir.resolve(name + ".signed.json");
            Files.write(file, EvidenceFile.export(own.get(id).orElseThrow(), key));
            return file;
        }
    }

    private static dev.hardening.auditor.core.model.Finding roster(String subject, String... publishers) {
        return ReportBuilder.finding("publishers.roster", subject, Status.WARN).withAttribute("publishers", List.of(publishers));
    }
}
