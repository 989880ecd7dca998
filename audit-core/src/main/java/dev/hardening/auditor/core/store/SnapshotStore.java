package dev.hardening.auditor.core.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeFactory;
import dev.hardening.auditor.core.model.Status;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The snapshots of audits, kept in {@link SnapshotDatabase}: saved once, never changed, listed in
 * the order they were taken.
 */
public final class SnapshotStore implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String COLUMNS = "id, taken_at, taken_by, tool_version, policy_sha256, targets_json, score,"
            + " fail_count, warn_count, unknown_count, pass_count, demo";

    private final SnapshotDatabase db;

    public SnapshotStore(SnapshotDatabase db) {
        this.db = db;
    }

    public static SnapshotStore open(Path file) {
        return new SnapshotStore(SnapshotDatabase.open(file));
    }

    public SnapshotDatabase database() {
        return db;
    }

    /** Stores a snapshot in one transaction and returns its summary with the new id. */
    public SnapshotSummary save(NewSnapshot s) {
        String targets;
        try {
            targets = JSON.writeValueAsString(s.report().targets());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a list of strings is always JSON", e);
        }
        var summary = s.report().summary();
        long id = db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO snapshots (taken_at, taken_by, tool_version,"
                    + " policy_sha256, targets_json, score, report_json, fail_count, warn_count, unknown_count,"
                    + " pass_count, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, s.report().generatedAt().toString());
                ps.setString(2, s.takenBy());
                ps.setString(3, s.report().tool().version());
                ps.setString(4, s.policySha256());
                ps.setString(5, targets);
                ps.setInt(6, s.report().score());
                ps.setString(7, s.reportJson());
                ps.setInt(8, summary.getOrDefault(Status.FAIL, 0));
                ps.setInt(9, summary.getOrDefault(Status.WARN, 0));
                ps.setInt(10, summary.getOrDefault(Status.UNKNOWN, 0));
                ps.setInt(11, summary.getOrDefault(Status.PASS, 0));
                ps.setInt(12, s.report().demo() ? 1 : 0);
                ps.executeUpdate();
            }
            try (var st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT last_insert_rowid()")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        return get(id).orElseThrow(() -> new StoreException("snapshot " + id + " vanished after it was saved")).summary();
    }

    /** Every snapshot, oldest first. */
    public List<SnapshotSummary> list() {
        return db.read(c -> {
            List<SnapshotSummary> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM snapshots ORDER BY taken_at, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(summary(rs));
                }
            }
            return out;
        });
    }

    public Optional<StoredSnapshot> get(long id) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + ", report_json FROM snapshots WHERE id = ?")) {
                ps.setLong(1, id);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    return Optional.of(new StoredSnapshot(summary(rs), rs.getString("report_json")));
                }
            }
        });
    }

    /** The most recently taken snapshot. */
    public Optional<SnapshotSummary> latest() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS
                    + " FROM snapshots ORDER BY taken_at DESC, id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(summary(rs)) : Optional.empty();
            }
        });
    }

    @Override
    public void close() {
        db.close();
    }

    private static SnapshotSummary summary(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        Instant takenAt;
        try {
            takenAt = Instant.parse(rs.getString("taken_at"));
        } catch (DateTimeParseException | NullPointerException e) {
            throw new SQLException("snapshot " + id + " has an unreadable time '" + rs.getString("taken_at") + "'");
        }
        List<String> targets;
        try {
            targets = JSON.readValue(rs.getString("targets_json"),
                    TypeFactory.defaultInstance().constructCollectionType(List.class, String.class));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new SQLException("snapshot " + id + " has unreadable targets");
        }
        return new SnapshotSummary(id, takenAt, rs.getString("taken_by"), rs.getString("tool_version"),
                rs.getString("policy_sha256"), targets, rs.getInt("score"), rs.getInt("fail_count"),
                rs.getInt("warn_count"), rs.getInt("unknown_count"), rs.getInt("pass_count"), rs.getInt("demo") != 0);
    }
}
