package dev.hardening.auditor.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A writer process killed in the middle of its loop (SIGKILL: no shutdown hook, no close) loses no
 * earlier snapshot, and a second process can write at the same time.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SnapshotStoreCrashTest {
    @TempDir
    Path dir;

    @Test
    void a_killed_writer_leaves_every_committed_snapshot_readable_while_another_process_writes() throws Exception {
        Path db = dir.resolve("snapshots.db");
        // The parent creates and migrates the database first, then writes alongside the child.
        SnapshotStore parent = SnapshotStore.open(db);
        Process child = startWriter(db, dir.resolve("writer.err"));
        List<Long> childSaved = new ArrayList<>();
        List<Long> parentSaved = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            while (childSaved.size() < 12) {
                String line = out.readLine();
                if (line == null) {
                    throw new AssertionError("the writer process stopped early; its stderr: "
                            + java.nio.file.Files.readString(dir.resolve("writer.err")));
                }
                childSaved.add(Long.parseLong(line.substring("saved ".length())));
                if (childSaved.size() % 2 == 0) {
                    parentSaved.add(parent.save(NewSnapshot.of(SnapshotWriterProcess.bigReport(1000 + childSaved.size()),
                            "parent@test", "", null)).id());
                }
            }
            // Killed while it is writing the next snapshot (it never waits between writes).
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            child.destroyForcibly();
            parent.close();
        }

        try (SnapshotStore store = SnapshotStore.open(db)) {
            List<Long> ids = store.list().stream().map(SnapshotSummary::id).toList();
            assertThat(ids).containsAll(childSaved).containsAll(parentSaved);
            for (long id : ids) {
                assertThat(store.get(id).orElseThrow().report().findings()).hasSize(400);
            }
            String integrity = store.database().read(c -> {
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
                    rs.next();
                    return rs.getString(1);
                }
            });
            assertThat(integrity).isEqualTo("ok");
        }
    }

    private static Process startWriter(Path db, Path stderr) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                SnapshotWriterProcess.class.getName(), db.toString());
        // stderr to a file: an undrained pipe could block the writer.
        pb.redirectError(stderr.toFile());
        return pb.start();
    }
}
