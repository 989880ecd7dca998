package dev.hardening.auditor.core.team;

import dev.hardening.auditor.core.signing.PublicKey;
import dev.hardening.auditor.core.store.SnapshotDatabase;
import dev.hardening.auditor.core.store.StoreException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The members whose signed snapshots {@code team import} accepts, kept in the snapshot database. */
public final class TeamRegistry {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");

    private final SnapshotDatabase db;

    public TeamRegistry(SnapshotDatabase db) {
        this.db = db;
    }

    /** Registers a member; a name or key that is already registered is refused with the reason. */
    public TeamMember add(String name, PublicKey key, Instant now) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("'" + name + "' is not a member name (letters, digits, . _ @ -; "
                    + "at most 64 characters)");
        }
        return db.write(c -> {
            for (TeamMember m : members(c)) {
                if (m.name().equalsIgnoreCase(name)) {
                    throw new IllegalArgumentException("a member named " + m.name() + " is already registered "
                            + "(remove them first to change their key)");
                }
                if (m.publicKey().equals(key)) {
                    throw new IllegalArgumentException("key " + key.keyId() + " is already registered to " + m.name());
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO team_members (name, key_id, public_key, added_at) VALUES (?, ?, ?, ?)")) {
                ps.setString(1, name);
                ps.setString(2, key.keyId());
                ps.setString(3, key.toPem());
                ps.setString(4, now.toString());
                ps.executeUpdate();
            }
            return new TeamMember(name, key, now);
        });
    }

    public boolean remove(String name) {
        return db.write(c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM team_members WHERE name = ? COLLATE NOCASE")) {
                ps.setString(1, name);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<TeamMember> members() {
        return db.read(TeamRegistry::members);
    }

    public Optional<TeamMember> byKeyId(String keyId) {
        return members().stream().filter(m -> m.publicKey().keyId().equals(keyId)).findFirst();
    }

    private static List<TeamMember> members(java.sql.Connection c) throws SQLException {
        List<TeamMember> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT name, public_key, added_at FROM team_members ORDER BY name COLLATE NOCASE");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                try {
                    out.add(new TeamMember(rs.getString("name"), PublicKey.fromPem(rs.getString("public_key")),
                            Instant.parse(rs.getString("added_at"))));
                } catch (RuntimeException e) {
                    throw new StoreException("the registered key of " + rs.getString("name") + " is damaged: "
                            + e.getMessage());
                }
            }
        }
        return out;
    }
}
