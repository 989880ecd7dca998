package dev.hardening.auditor.checks.release.leakedsecrets;

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
import dev.hardening.auditor.core.scan.SecretMatch;
import dev.hardening.auditor.core.scan.archive.ArchiveIssue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code release.leaked-secrets}: secrets inside the latest published artifacts (or a local path).
 * One FAIL per distinct secret (the same secret in several versions is one finding listing them),
 * at the severity of its kind, lower in test directories; no secret in fully scanned artifacts
 * PASS; no secret but part of the content unscanned WARN; nothing could be downloaded UNKNOWN.
 */
public final class LeakedSecretsCheck implements Check {
    /** Distinct secrets reported one by one per subject; the rest are counted in one more finding. */
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

    private record Occurrence(ArtifactScan artifact, SecretMatch match) {
    }

    static List<Finding> judge(CheckContext context, ArtifactScans scans) {
        String subject = scans.subject();
        if (scans.artifacts().isEmpty()) {
            return List.of(context.notApplicable(subject, subject + " has no published files to scan."));
        }
        Map<String, List<Occurrence>> bySecret = new LinkedHashMap<>();
        List<ArtifactScan> failed = new ArrayList<>();
        List<Evidence> scanned = new ArrayList<>();
        List<String> partial = new ArrayList<>();
        for (ArtifactScan artifact : scans.artifacts()) {
            if (artifact.failure().isPresent()) {
                failed.add(artifact);
                continue;
            }
            ScanResult r = artifact.result().orElseThrow();
            scanned.add(Evidence.of(artifact.label(), r.files() + " files, " + r.bytes() + " bytes scanned"
                    + (artifact.verified().isEmpty() ? "" : "; verified against " + artifact.verified()), source(artifact)));
            for (ArchiveIssue issue : r.issues()) {
                if (issue.kind().incomplete()) {
                    partial.add(artifact.label() + ": " + issue.path() + ": " + issue.detail());
                }
            }
            for (SecretMatch m : r.secrets()) {
                // The same secret in the same file of several versions is one finding; in a local scan
                // every place it occurs is its own finding.
                String where = artifact.version().isEmpty() ? m.path() + ":" + m.line() : ArtifactSubjects.innerPath(m.path());
                bySecret.computeIfAbsent(m.kind() + " " + m.fingerprint() + " " + where, k -> new ArrayList<>())
                        .add(new Occurrence(artifact, m));
            }
        }
        List<Finding> findings = new ArrayList<>();
        boolean registry = scans.artifacts().stream().anyMatch(a -> !a.version().isEmpty());
        int n = 0;
        for (List<Occurrence> occurrences : bySecret.values()) {
            // A registry package is one line of an audit; a local scan (auditor scan) lists everything.
            if (++n > MAX_FINDINGS_PER_SUBJECT && registry) {
                findings.add(context.fail(subject, (bySecret.size() - MAX_FINDINGS_PER_SUBJECT) + " more distinct secrets were"
                        + " found in " + subject + " and are not listed one by one; scan it with 'auditor scan' to see them all."));
                break;
            }
            findings.add(secretFinding(context, subject, occurrences));
        }
        if (!failed.isEmpty()) {
            Unavailability first = failed.get(0).failure().orElseThrow();
            List<Evidence> evidence = new ArrayList<>();
            failed.forEach(a -> evidence.add(Evidence.of(a.label(), "not scanned: " + a.failure().orElseThrow().reason(), source(a))));
            if (scanned.isEmpty() || !bySecret.isEmpty()) {
                findings.add(context.unknown(subject, failed.size() + " of " + scans.artifacts().size() + " files of " + subject
                        + " could not be scanned: " + first.reason(), first.needed(), evidence.toArray(Evidence[]::new)));
                return findings;
            }
            scanned.addAll(evidence);
            partial.add(failed.size() + " file(s) could not be downloaded or verified");
        }
        if (!bySecret.isEmpty()) {
            return findings;
        }
        if (!partial.isEmpty()) {
            partial.forEach(p -> scanned.add(Evidence.of("not fully scanned", p, "")));
            return List.of(context.warn(subject, "No secret was found in what could be scanned of " + subject
                    + ", but part of it could not be scanned (" + partial.get(0) + ").", scanned));
        }
        return List.of(context.pass(subject, "No secret was found in " + describe(scans) + ".", scanned));
    }

    private static Finding secretFinding(CheckContext context, String subject, List<Occurrence> occurrences) {
        SecretMatch m = occurrences.get(0).match();
        ArtifactScan first = occurrences.get(0).artifact();
        Severity severity = m.severity();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("kind", m.kind() + " (" + m.title() + ")", ""));
        evidence.add(Evidence.of("match", m.redacted(), "redacted; the secret itself is never shown"));
        evidence.add(Evidence.of("fingerprint", m.fingerprint(), "SHA-256 of the secret, to find it elsewhere"));
        evidence.add(Evidence.of("validation", switch (m.validation()) {
            case VALID -> "format checksum or structure verified offline: the issuer could have issued it";
            case UNCHECKED -> "shape and entropy only (the format defines no offline check)";
            case INVALID -> "failed validation";
        }, ""));
        if (m.testPath()) {
            evidence.add(Evidence.of("location", "test, fixture or example directory: severity lowered", ""));
        }
        for (Occurrence o : occurrences) {
            evidence.add(Evidence.of(o.artifact().label(), ArtifactSubjects.innerPath(o.match().path()) + ", line " + o.match().line(),
                    source(o.artifact())));
        }
        String where = first.version().isEmpty() ? m.path() + ":" + m.line()
                : first.version() + " " + ArtifactSubjects.innerPath(m.path()) + ":" + m.line();
        String versions = occurrences.stream().map(o -> o.artifact().version()).filter(v -> !v.isEmpty()).distinct().toList().toString();
        String message = m.title() + " in " + (first.version().isEmpty() ? m.path() : subject + " " + first.version() + ", "
                + ArtifactSubjects.innerPath(m.path())) + " line " + m.line() + ": " + m.redacted()
                + (m.validated() ? checksummed(m.kind()) ? " (checksum verified)" : " (format verified)" : "")
                + (occurrences.size() > 1 && !first.version().isEmpty() ? "; also in " + versions : "")
                + ". Revoke it now, then remove it from the sources and publish a clean version.";
        return context.fail(subject.startsWith("npm:") || subject.startsWith("pypi:") ? subject + "@" + where : where,
                message, evidence).withSeverity(severity);
    }

    /** Kinds whose format carries a checksum (GitHub and npm: CRC32 in base62). */
    private static boolean checksummed(String kind) {
        return kind.startsWith("github-") || kind.equals("npm-token");
    }

    private static String describe(ArtifactScans scans) {
        List<String> labels = scans.artifacts().stream().map(ArtifactScan::label).toList();
        return scans.subject() + (scans.artifacts().size() == 1 && scans.artifacts().get(0).version().isEmpty() ? ""
                : " (" + String.join(", ", labels) + ")");
    }

    static String source(ArtifactScan artifact) {
        return artifact.version().isEmpty() ? "scan of " + artifact.file() : "download of " + artifact.file();
    }
}
