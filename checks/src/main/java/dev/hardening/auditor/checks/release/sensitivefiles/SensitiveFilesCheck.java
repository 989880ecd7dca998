package dev.hardening.auditor.checks.release.sensitivefiles;

import dev.hardening.auditor.checks.support.ArtifactSubjects;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScan;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScans;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.scan.ScanResult;
import dev.hardening.auditor.core.scan.SensitiveFile;
import dev.hardening.auditor.core.scan.archive.ArchiveIssue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code release.sensitive-files}: files that should never ship ({@code .env}, {@code .npmrc},
 * {@code .pypirc}, private keys, credentials files, {@code .git/}, {@code .pth} files in wheels) and
 * archive entries that only make sense as an attack (path traversal, links, devices). Each file
 * (across versions) FAIL at its severity, or WARN when low; a decompression bomb or other limit WARN;
 * none PASS; nothing downloadable UNKNOWN.
 */
public final class SensitiveFilesCheck implements Check {
    static final int MAX_FINDINGS_PER_SUBJECT = 50;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        ArtifactSubjects.Subjects subjects = ArtifactSubjects.of(context);
        List<Finding> findings = new ArrayList<>(subjects.unknowns());
        for (ArtifactScans scans : subjects.scans()) {
            findings.addAll(judge(context, scans));
        }
        return findings;
    }

    private record Item(String key, String kind, String path, String reason, Severity severity, boolean hostile) {
    }

    static List<Finding> judge(CheckContext context, ArtifactScans scans) {
        String subject = scans.subject();
        if (scans.artifacts().isEmpty()) {
            return List.of(context.notApplicable(subject, subject + " has no published files to scan."));
        }
        Map<String, List<Map.Entry<ArtifactScan, Item>>> items = new LinkedHashMap<>();
        List<Evidence> scanned = new ArrayList<>();
        List<ArtifactScan> failed = new ArrayList<>();
        List<Map.Entry<ArtifactScan, ArchiveIssue>> limits = new ArrayList<>();
        for (ArtifactScan artifact : scans.artifacts()) {
            if (artifact.failure().isPresent()) {
                failed.add(artifact);
                continue;
            }
            ScanResult r = artifact.result().orElseThrow();
            scanned.add(Evidence.of(artifact.label(), r.files() + " files checked", source(artifact)));
            for (SensitiveFile f : r.sensitiveFiles()) {
                String inner = ArtifactSubjects.innerPath(f.path());
                Item item = new Item(f.kind() + " " + inner, f.kind(), f.path(), f.reason(), f.severity(), false);
                items.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(Map.entry(artifact, item));
            }
            for (ArchiveIssue issue : r.issues()) {
                if (issue.kind().hostile()) {
                    String inner = ArtifactSubjects.innerPath(issue.path());
                    // A symbolic link in a local working tree is ordinary; inside a published archive it is not.
                    boolean localLink = artifact.version().isEmpty() && !issue.path().contains("!/")
                            && issue.kind() == ArchiveIssue.Kind.LINK;
                    Item item = new Item(issue.kind() + " " + inner, hostileKind(issue.kind()), issue.path(), issue.detail(),
                            localLink ? Severity.LOW : Severity.HIGH, !localLink);
                    items.computeIfAbsent(item.key(), k -> new ArrayList<>()).add(Map.entry(artifact, item));
                } else if (issue.kind().incomplete()) {
                    limits.add(Map.entry(artifact, issue));
                }
            }
        }
        List<Finding> findings = new ArrayList<>();
        boolean registry = scans.artifacts().stream().anyMatch(a -> !a.version().isEmpty());
        int n = 0;
        for (List<Map.Entry<ArtifactScan, Item>> occurrences : items.values()) {
            // A registry package is one line of an audit; a local scan (auditor scan) lists everything.
            if (++n > MAX_FINDINGS_PER_SUBJECT && registry) {
                findings.add(context.fail(subject, (items.size() - MAX_FINDINGS_PER_SUBJECT) + " more files that should not"
                        + " ship were found in " + subject + "; scan it with 'auditor scan' to see them all."));
                break;
            }
            findings.add(itemFinding(context, subject, occurrences));
        }
        // One warning per artifact and kind of limit (an archive of nested archives can hit one limit hundreds of times).
        Map<String, List<Map.Entry<ArtifactScan, ArchiveIssue>>> byLimit = new LinkedHashMap<>();
        limits.forEach(l -> byLimit.computeIfAbsent(l.getKey().label() + " " + l.getValue().kind(), k -> new ArrayList<>()).add(l));
        for (List<Map.Entry<ArtifactScan, ArchiveIssue>> group : byLimit.values()) {
            ArtifactScan artifact = group.get(0).getKey();
            ArchiveIssue issue = group.get(0).getValue();
            List<Evidence> evidence = new ArrayList<>();
            group.stream().limit(20).forEach(l -> evidence.add(Evidence.of(l.getValue().path(), l.getValue().kind() + ": "
                    + l.getValue().detail(), source(artifact))));
            String more = group.size() > 1 ? " (and " + (group.size() - 1) + " more entries alike)" : "";
            findings.add(context.warn(itemSubject(subject, artifact, issue.path()), artifact.label()
                    + " could not be fully examined: " + issue.detail() + " (" + issue.path() + ")" + more
                    + ". A published archive that behaves like this deserves a look.", evidence));
        }
        if (!failed.isEmpty() && (scanned.isEmpty() || !findings.isEmpty())) {
            Unavailability first = failed.get(0).failure().orElseThrow();
            List<Evidence> evidence = new ArrayList<>();
            failed.forEach(a -> evidence.add(Evidence.of(a.label(), "not examined: " + a.failure().orElseThrow().reason(), source(a))));
            findings.add(context.unknown(subject, failed.size() + " of " + scans.artifacts().size() + " files of " + subject
                    + " could not be examined: " + first.reason(), first.needed(), evidence.toArray(Evidence[]::new)));
            return findings;
        }
        if (!findings.isEmpty()) {
            return findings;
        }
        if (!failed.isEmpty()) {
            failed.forEach(a -> scanned.add(Evidence.of(a.label(), "not examined: " + a.failure().orElseThrow().reason(), source(a))));
            return List.of(context.warn(subject, "No file that should not ship was found in what could be examined of " + subject
                    + ", but " + failed.size() + " file(s) could not be downloaded or verified.", scanned));
        }
        return List.of(context.pass(subject, "No .env, registry credentials, private key, VCS metadata, .pth hook or hostile"
                + " archive entry in " + subject + ".", scanned));
    }

    private static Finding itemFinding(CheckContext context, String subject, List<Map.Entry<ArtifactScan, Item>> occurrences) {
        ArtifactScan first = occurrences.get(0).getKey();
        Item item = occurrences.get(0).getValue();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("kind", item.kind(), ""));
        for (Map.Entry<ArtifactScan, Item> o : occurrences) {
            evidence.add(Evidence.of(o.getKey().label(), ArtifactSubjects.innerPath(o.getValue().path()), source(o.getKey())));
        }
        List<String> versions = occurrences.stream().map(o -> o.getKey().version()).filter(v -> !v.isEmpty()).distinct().toList();
        String where = first.version().isEmpty() ? item.path() : subject + " " + String.join(", ", versions) + ": "
                + ArtifactSubjects.innerPath(item.path());
        String message = (item.hostile() ? "Hostile archive entry in " : "File that should not ship in ") + where + ": "
                + item.reason() + "." + (item.hostile() ? " No legitimate package needs it; find out who built this archive."
                : " Remove it from the package (files list, .npmignore or MANIFEST.in) and rotate anything it held.");
        Finding f = item.severity().atLeast(Severity.MEDIUM)
                ? context.fail(itemSubject(subject, first, item.path()), message, evidence)
                : context.warn(itemSubject(subject, first, item.path()), message, evidence);
        return f.withSeverity(item.severity());
    }

    private static String itemSubject(String subject, ArtifactScan artifact, String path) {
        return artifact.version().isEmpty() ? path : subject + "@" + artifact.version() + " " + ArtifactSubjects.innerPath(path);
    }

    private static String hostileKind(ArchiveIssue.Kind kind) {
        return switch (kind) {
            case PATH_TRAVERSAL -> "path-traversal-entry";
            case LINK -> "link-entry";
            default -> "special-entry";
        };
    }

    private static String source(ArtifactScan artifact) {
        return artifact.version().isEmpty() ? "scan of " + artifact.file() : "download of " + artifact.file();
    }
}
