package dev.hardening.auditor.desktop.history;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.core.store.StoredSnapshot;
import dev.hardening.auditor.core.team.TeamMember;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The snapshot database as the app uses it: the history of audits, one snapshot per audit, and the
 * team members whose signed snapshots are accepted. Every method reads or writes the database, so
 * none runs on the UI thread.
 */
public interface SnapshotArchive {

    /** Where it is, for messages. */
    String describe();

    /** The database file, when there is one (the snapshot-age check reads it). */
    Optional<Path> database();

    /** Every snapshot, oldest first; empty when the database does not exist yet. */
    List<SnapshotSummary> list();

    Optional<StoredSnapshot> get(long id);

    /** Stores a report as a new snapshot. */
    SnapshotSummary save(AuditReport report, String policySha256);

    /** The registered team members. */
    List<TeamMember> teamMembers();
}
