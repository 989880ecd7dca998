package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The file a SARIF result points at. GitHub code scanning rejects a result without
 * {@code physicalLocation.artifactLocation.uri}, but most findings are about accounts and packages,
 * which have no file. A finding whose evidence names a workflow line ({@code at .github/workflows/x.yml:9})
 * points there; every other finding points at a stable per-check path under {@link #NO_FILE_ROOT}, so
 * an alert keeps its path from one upload to the next and nobody mistakes it for a file of the repository.
 */
record SarifPhysicalLocation(String uri, int startLine) {
    static final String NO_FILE_ROOT = "maintainer-hardening-auditor/";
    private static final Pattern WORKFLOW_LINE = Pattern.compile("\\bat (\\.github/workflows/[A-Za-z0-9._/-]+\\.ya?ml):(\\d{1,7})\\b");

    static SarifPhysicalLocation of(Finding finding) {
        for (Evidence e : finding.evidence()) {
            Matcher m = WORKFLOW_LINE.matcher(e.label());
            if (m.find() && !m.group(1).contains("..")) {
                return new SarifPhysicalLocation(m.group(1), Math.max(1, Integer.parseInt(m.group(2))));
            }
        }
        return new SarifPhysicalLocation(NO_FILE_ROOT + finding.check().replaceAll("[^A-Za-z0-9._-]", "_"), 1);
    }
}
