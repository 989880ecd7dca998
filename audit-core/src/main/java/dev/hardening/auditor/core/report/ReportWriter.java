package dev.hardening.auditor.core.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Renders an {@link AuditReport} in one format. Output is UTF-8 and deterministic: the same report
 * gives the same bytes. The writer flushes but does not close the stream, which belongs to the caller.
 */
public interface ReportWriter {

    void write(AuditReport report, OutputStream out) throws IOException;

    /** The rendered report as a string, for screens and tests. */
    default String writeToString(AuditReport report) {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try {
            write(report, buffer);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory cannot fail", e);
        }
        return buffer.toString(StandardCharsets.UTF_8);
    }
}
