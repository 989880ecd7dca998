package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.store.NewSnapshot;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.core.store.StoredSnapshot;
import dev.hardening.auditor.core.team.TeamMember;
import dev.hardening.auditor.desktop.history.SnapshotArchive;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Snapshots in a list, stored as the database would store them (the report as JSON). */
public final class InMemoryArchive implements SnapshotArchive {
    private final String name;
    private final List<StoredSnapshot> snapshots = new CopyOnWriteArrayList<>();
    private final List<TeamMember> members = new CopyOnWriteArrayList<>();

    public InMemoryArchive(String name) {
        this.name = name;
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public Optional<Path> database() {
        return Optional.empty();
    }

    @Override
    public List<SnapshotSummary> list() {
        List<SnapshotSummary> out = new ArrayList<>();
        snapshots.forEach(s -> out.add(s.summary()));
        out.sort(java.util.Comparator.comparing(SnapshotSummary::takenAt).thenComparing(SnapshotSummary::id));
        return out;
    }

    @Override
    public Optional<StoredSnapshot> get(long id) {
        return snapshots.stream().filter(s -> s.id() == id).findFirst();
    }

    @Override
    public synchronized SnapshotSummary save(AuditReport report, String policySha256) {
        NewSnapshot snapshot = NewSnapshot.of(report, "tester@test", policySha256, null);
        var summary = report.summary();
        SnapshotSummary row = new SnapshotSummary(snapshots.size() + 1, report.generatedAt(), "tester@test",
                report.tool().version(), policySha256, report.targets(), report.score(),
                summary.getOrDefault(Status.FAIL, 0), summary.getOrDefault(Status.WARN, 0),
                summary.getOrDefault(Status.UNKNOWN, 0), summary.getOrDefault(Status.PASS, 0), report.demo());
        snapshots.add(new StoredSnapshot(row, snapshot.reportJson()));
        return row;
    }

    @Override
    public List<TeamMember> teamMembers() {
        return List.copyOf(members);
    }

    public void register(TeamMember member) {
        members.add(member);
    }
}
