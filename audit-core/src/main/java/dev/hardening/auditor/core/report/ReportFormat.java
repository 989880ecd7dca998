package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** The report formats, by the name used on the command line ({@code --format md|json|html|sarif}). */
public enum ReportFormat {
    MD("md", ".md", "text/markdown; charset=utf-8"),
    JSON("json", ".json", "application/json"),
    HTML("html", ".html", "text/html; charset=utf-8"),
    SARIF("sarif", ".sarif", "application/sarif+json");

    private final String id;
    private final String fileExtension;
    private final String mediaType;

    ReportFormat(String id, String fileExtension, String mediaType) {
        this.id = id;
        this.fileExtension = fileExtension;
        this.mediaType = mediaType;
    }

    public String id() {
        return id;
    }

    public String fileExtension() {
        return fileExtension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** A writer for this format with no redaction and no check catalog. */
    public ReportWriter writer() {
        return writer(null, List.of());
    }

    /**
     * @param redactor secrets to blank out of the output; may be null
     * @param catalog  metadata of the known checks (used by SARIF for rule descriptions and tags)
     */
    public ReportWriter writer(SecretRedactor redactor, Collection<CheckMetadata> catalog) {
        return switch (this) {
            case MD -> new MarkdownReportWriter(redactor);
            case JSON -> new JsonReportWriter(redactor);
            case HTML -> new HtmlReportWriter(redactor);
            case SARIF -> new SarifReportWriter(redactor, catalog);
        };
    }

    public static ReportFormat parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (ReportFormat format : values()) {
            if (format.id.equals(wanted) || (format == MD && wanted.equals("markdown"))) {
                return format;
            }
        }
        throw new IllegalArgumentException("unknown report format '" + text + "' (expected md, json, html or sarif)");
    }
}
