package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.scan.archive.ArchiveIssue;
import java.util.List;

/**
 * What a scan of one artifact or directory found.
 *
 * @param secrets        secrets in file contents
 * @param sensitiveFiles files that should not ship, by name
 * @param issues         hostile entries, limits reached, corrupt data
 * @param files          regular files scanned
 * @param bytes          bytes of content scanned
 */
public record ScanResult(List<SecretMatch> secrets, List<SensitiveFile> sensitiveFiles, List<ArchiveIssue> issues,
                         long files, long bytes) {
    public ScanResult {
        secrets = List.copyOf(secrets);
        sensitiveFiles = List.copyOf(sensitiveFiles);
        issues = List.copyOf(issues);
    }

    /** Whether part of the content could not be scanned (a limit, corruption, an unsupported format). */
    public boolean incomplete() {
        return issues.stream().anyMatch(i -> i.kind().incomplete());
    }

    /** The hostile entries (traversal, links, devices). */
    public List<ArchiveIssue> hostileEntries() {
        return issues.stream().filter(i -> i.kind().hostile()).toList();
    }
}
