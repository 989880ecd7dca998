package dev.hardening.auditor.core.playbook;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.team.TeamImport;
import dev.hardening.auditor.core.team.TeamView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The team's incident playbook, built from the members' verified self-audits: for each package,
 * who can publish it and which member that is, who to notify; every credential any member's audit
 * found with its owner; and the rotation order — publish-capable credentials first.
 *
 * @param steps       what to do first, in order
 * @param packages    per package: publishers, the members behind them, whom to notify
 * @param credentials every credential, with its owner, publish-capable ones first
 * @param sources     whose snapshots it was built from, and when they were taken
 */
public record TeamPlaybook(List<RemediationStep> steps, List<TeamPackage> packages, List<OwnedCredential> credentials,
                           List<String> sources) {
    private static final String ROSTER_CHECK = "publishers.roster";

    public TeamPlaybook {
        steps = List.copyOf(steps);
        packages = List.copyOf(packages);
        credentials = List.copyOf(credentials);
        sources = List.copyOf(sources);
    }

    /**
     * A package and who can publish it.
     *
     * @param publishers registry account -> the member behind it (empty when no member's audit covers that account)
     * @param contacts   whom to tell when a version turns out to be malicious, in order
     */
    public record TeamPackage(String subject, Map<String, Optional<String>> publishers, List<String> contacts) {
        public TeamPackage {
            publishers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(publishers));
            contacts = List.copyOf(contacts);
        }
    }

    /** A credential found by one member's audit. */
    public record OwnedCredential(String owner, PlaybookCredential credential) {
    }

    /** Builds the playbook from verified snapshots; only the latest snapshot of each member counts. */
    public static TeamPlaybook of(TeamImport.Result result) {
        Map<String, TeamImport.Accepted> latest = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (TeamImport.Accepted a : result.accepted()) {
            latest.merge(a.member().name(), a, (x, y) -> y.snapshot().takenAt().isAfter(x.snapshot().takenAt()) ? y : x);
        }
        Map<String, String> memberOfPublisher = membersOfPublishers(TeamView.of(result));
        Map<String, Map<String, Optional<String>>> publishersBySubject = new TreeMap<>();
        Map<String, OwnedCredential> byFingerprint = new LinkedHashMap<>();
        List<String> sources = new ArrayList<>();
        for (TeamImport.Accepted a : latest.values()) {
            String member = a.member().name();
            sources.add(member + ": snapshot " + a.snapshot().snapshotId() + " taken " + a.snapshot().takenAt()
                    + " by " + a.snapshot().takenBy());
            List<Finding> findings = a.snapshot().report().findings();
            for (Finding f : findings) {
                // The roster check names the publishers machine-readably; its evidence shows them with addresses.
                List<String> names = f.check().equals(ROSTER_CHECK) ? f.attributes().getOrDefault("publishers", List.of()) : List.of();
                for (String publisher : names) {
                    publishersBySubject.computeIfAbsent(f.subject(), k -> new LinkedHashMap<>()).putIfAbsent(publisher,
                            Optional.ofNullable(memberOfPublisher.get(key(f.subject(), publisher))));
                }
            }
            IncidentPlaybook own = IncidentPlaybook.from(findings);
            for (PlaybookCredential c : own.credentials()) {
                byFingerprint.putIfAbsent(c.fingerprint(), new OwnedCredential(member, c));
            }
        }
        List<TeamPackage> packages = new ArrayList<>();
        publishersBySubject.forEach((subject, publishers) -> packages.add(
                new TeamPackage(subject, publishers, whomToNotify(subject, publishers))));
        List<OwnedCredential> credentials = new ArrayList<>(byFingerprint.values());
        credentials.sort(Comparator.comparing((OwnedCredential c) -> !c.credential().canPublish())
                .thenComparing(OwnedCredential::owner, String.CASE_INSENSITIVE_ORDER));
        boolean anything = !packages.isEmpty() || !credentials.isEmpty();
        return new TeamPlaybook(anything ? IncidentPlaybook.firstSteps() : List.of(), packages, credentials, sources);
    }

    public boolean isEmpty() {
        return packages.isEmpty() && credentials.isEmpty();
    }

    private static Map<String, String> membersOfPublishers(TeamView view) {
        Map<String, String> out = new TreeMap<>();
        for (TeamView.PackageRow row : view.packages()) {
            row.member().ifPresent(m -> out.put(key(row.subject(), row.publisher()), m));
        }
        return out;
    }

    private static String key(String subject, String publisher) {
        return subject + "\n" + publisher.toLowerCase(Locale.ROOT);
    }

    /** The members who can publish (they revoke and republish), then the registry, then the users. */
    private static List<String> whomToNotify(String subject, Map<String, Optional<String>> publishers) {
        Set<String> out = new LinkedHashSet<>();
        publishers.forEach((account, member) -> out.add(member.map(m -> m + " (publishes as " + account + ")")
                .orElse(account + " (publisher without a verified self-audit: reach them directly)")));
        if (subject.startsWith("npm:")) {
            out.add("npm: report the malicious versions (https://docs.npmjs.com/reporting-malware-in-an-npm-package)");
        } else if (subject.startsWith("pypi:")) {
            out.add("PyPI security team (https://pypi.org/security/)");
        }
        out.add("users: a security advisory on the repository (GitHub Security Advisories)");
        return List.copyOf(out);
    }
}
