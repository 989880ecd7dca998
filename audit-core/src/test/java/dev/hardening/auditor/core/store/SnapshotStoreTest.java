package dev.hardening.auditor.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.diff.ReportDiff;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotStoreTest {
    @TempDir
    Path dir;

    @Test
    void snapshots_are_stored_with_report_targets_policy_hash_version_and_author_and_listed_oldest_first() {
        AuditReport first = ReportBuilder.report().at(Instant.parse("2026-05-01T09:00:00Z"))
                .targets("npm-user:alice", "github-user:alice")
                .with("npm.2fa", "npm:~alice", Status.FAIL).with("github.2fa", "github:alice", Status.PASS).build();
        AuditReport second = ReportBuilder.report().at(Instant.parse("2026-05-08T09:00:00Z"))
                .with("npm.2fa", "npm:~alice", Status.PASS).build();
        try (SnapshotStore store = SnapshotStore.open(dir.resolve("nested/dir/snapshots.db"))) {
            SnapshotSummary a = store.save(NewSnapshot.of(first, "alice@laptop", "c0ffee", null));
            SnapshotSummary b = store.save(NewSnapshot.of(second, "ci@runner", "", null));

            assertThat(store.list()).extracting(SnapshotSummary::id).containsExactly(a.id(), b.id());
            assertThat(a.takenAt()).isEqualTo(first.generatedAt());
            assertThat(a.takenBy()).isEqualTo("alice@laptop");
            assertThat(a.policySha256()).isEqualTo("c0ffee");
            assertThat(a.toolVersion()).isEqualTo("9.9.9-test");
            assertThat(a.targets()).containsExactly("npm-user:alice", "github-user:alice");
            assertThat(a.fail()).isEqualTo(1);
            assertThat(a.pass()).isEqualTo(1);
            assertThat(store.latest()).hasValueSatisfying(s -> assertThat(s.id()).isEqualTo(b.id()));
            AuditReport back = store.get(a.id()).orElseThrow().report();
            assertThat(back.findings()).isEqualTo(first.findings());
            assertThat(store.get(999)).isEmpty();
            assertThat(store.database().schemaVersion()).isEqualTo(Migrations.latest());
        }
    }

    @Test
    void the_database_is_in_wal_mode_with_a_busy_timeout() {
        try (SnapshotStore store = SnapshotStore.open(dir.resolve("s.db"))) {
            String mode = store.database().read(c -> pragma(c, "journal_mode"));
            String timeout = store.database().read(c -> pragma(c, "busy_timeout"));
            assertThat(mode).isEqualTo("wal");
            assertThat(Integer.parseInt(timeout)).isGreaterThanOrEqualTo(10_000);
        }
    }

    @Test
    void a_database_of_the_first_version_is_migrated_and_its_snapshots_stay_readable() throws Exception {
        Path db = dir.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            for (String sql : Migrations.split(resource("/store/v1-database.sql"))) {
                s.execute(sql);
            }
        }

        try (SnapshotStore store = SnapshotStore.open(db)) {
            assertThat(store.database().schemaVersion()).isEqualTo(Migrations.latest());
            assertThat(store.list()).hasSize(2);
            SnapshotSummary first = store.list().get(0);
            // Version 2 filled the counts in from the stored reports.
            assertThat(first.fail()).isEqualTo(1);
            assertThat(first.pass()).isEqualTo(1);
            assertThat(first.takenBy()).isEqualTo("alice@laptop");
            AuditReport a = store.get(first.id()).orElseThrow().report();
            AuditReport b = store.get(store.list().get(1).id()).orElseThrow().report();
            ReportDiff diff = ReportDiff.between(a, b);
            assertThat(diff.resolved()).extracting(ReportDiff.FindingChange::subject).containsExactly("npm:left-pad");
            assertThat(diff.rosterChanges()).singleElement().satisfies(r -> assertThat(r.removed()).containsExactly("mallory"));
            // And new snapshots can be added after the migration.
            store.save(NewSnapshot.of(ReportBuilder.report().with("npm.2fa", "npm:~alice", Status.PASS).build(), "x", "", null));
            assertThat(store.list()).hasSize(3);
        }
    }

    @Test
    void a_database_from_a_newer_version_is_refused_with_the_reason() throws Exception {
        Path db = dir.resolve("future.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement()) {
            s.execute("PRAGMA user_version = 99");
        }
        assertThatThrownBy(() -> SnapshotStore.open(db)).isInstanceOf(StoreException.class)
                .hasMessageContaining("schema version 99").hasMessageContaining("newer version");
    }

    @Test
    void a_file_that_is_not_a_database_is_refused_with_the_reason() throws Exception {
        Path notDb = dir.resolve("report.json");
        Files.writeString(notDb, "{\"this\": \"is not sqlite\"}".repeat(100));
        assertThatThrownBy(() -> SnapshotStore.open(notDb)).isInstanceOf(StoreException.class)
                .hasMessageContaining("report.json").hasMessageContaining("not a SQLite database");
        assertThatThrownBy(() -> SnapshotStore.open(dir)).isInstanceOf(StoreException.class)
                .hasMessageContaining("is a directory");
    }

    @Test
    void a_failed_write_leaves_nothing_behind() {
        try (SnapshotStore store = SnapshotStore.open(dir.resolve("s.db"))) {
            assertThatThrownBy(() -> store.database().write(c -> {
                try (Statement s = c.createStatement()) {
                    s.execute("INSERT INTO snapshots (taken_at, taken_by, tool_version, policy_sha256, targets_json,"
                            + " score, report_json) VALUES ('2026-01-01T00:00:00Z', 'x', 'v', '', '[]', 0, '{}')");
                    s.execute("INSERT INTO no_such_table VALUES (1)");
                }
                return null;
            })).isInstanceOf(StoreException.class);
            assertThat(store.list()).isEmpty();
        }
    }

    private static String pragma(Connection c, String name) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static String resource(String name) throws Exception {
        try (InputStream in = SnapshotStoreTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
