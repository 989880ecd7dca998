package dev.hardening.auditor.core.store;

import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.JsonReportWriter;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A snapshot to store: the report (and its JSON form), who took it and the hash of the policy it
 * was judged against. Time, tool version, targets and score come from the report.
 */
public record NewSnapshot(AuditReport report, String reportJson, String takenBy, String policySha256) {
    public NewSnapshot {
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(reportJson, "reportJson");
        Objects.requireNonNull(takenBy, "takenBy");
        policySha256 = policySha256 == null ? "" : policySha256;
    }

    /** Renders the report as JSON; {@code redactor} (may be null) blanks any registered secret. */
    public static NewSnapshot of(AuditReport report, String takenBy, String policySha256, SecretRedactor redactor) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new JsonReportWriter(redactor).write(report, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NewSnapshot(report, out.toString(StandardCharsets.UTF_8), takenBy, policySha256);
    }

    /** {@code user@host} of this process, for the {@code taken_by} column. */
    public static String currentUser() {
        String user = System.getProperty("user.name", "unknown");
        String host = System.getenv("HOSTNAME");
        if (host == null || host.isBlank()) {
            host = System.getenv("COMPUTERNAME");
        }
        return host == null || host.isBlank() ? user : user + "@" + host;
    }
}
