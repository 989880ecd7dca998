package dev.hardening.auditor.desktop.export;

import dev.hardening.auditor.core.report.ReportFormat;
import java.util.Locale;
import java.util.Optional;

/** What the Export screen writes: the four report formats, a signed snapshot and the incident playbook. */
public enum ExportFormat {
    MARKDOWN("_Markdown checklist…", "A checklist with - [ ] / - [x] items, for a README, an issue or a wiki",
            ".md", "hardening-checklist", ReportFormat.MD),
    HTML("HTM_L report…", "One self-contained page: no scripts, fonts or images from elsewhere", ".html",
            "hardening-report", ReportFormat.HTML),
    JSON("_JSON report…", "Stable field names, with a JSON Schema, for scripts and dashboards", ".json",
            "hardening-report", ReportFormat.JSON),
    SARIF("SAR_IF 2.1.0…", "For code-scanning dashboards (GitHub code scanning and others)", ".sarif",
            "hardening-report", ReportFormat.SARIF),
    SIGNED_SNAPSHOT("Si_gned snapshot…", "The audit as canonical JSON signed with this installation's Ed25519 key;"
            + " anyone checks it with 'auditor verify'", ".signed.json", "hardening-snapshot", null),
    PLAYBOOK("Incident play_book…", "Who can publish each package, every credential found and the order to rotate"
            + " them: the document for the day a release turns out to be malicious", ".md", "incident-playbook", null);

    private final String label;
    private final String description;
    private final String extension;
    private final String baseName;
    private final ReportFormat reportFormat;

    ExportFormat(String label, String description, String extension, String baseName, ReportFormat reportFormat) {
        this.label = label;
        this.description = description;
        this.extension = extension;
        this.baseName = baseName;
        this.reportFormat = reportFormat;
    }

    /** The button text, with its mnemonic marked by {@code _}. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The file name extension, with its dot. */
    public String extension() {
        return extension;
    }

    /** The name offered in the save dialog, e.g. {@code hardening-report-demo.html}. */
    public String suggestedName(boolean demo) {
        return baseName + (demo ? "-demo" : "") + extension;
    }

    /** The report writer's format, for the four report formats. */
    public Optional<ReportFormat> reportFormat() {
        return Optional.ofNullable(reportFormat);
    }

    /** For node ids: {@code markdown}, {@code signed-snapshot}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
