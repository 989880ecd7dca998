package dev.hardening.auditor.core.report;

import java.io.IOException;

/**
 * A report that cannot be read: not JSON, not a report, a schema version this tool does not know,
 * or a field missing or of the wrong type. The message names the field by its JSON path.
 */
public class InvalidReportException extends IOException {
    public InvalidReportException(String message) {
        super(message);
    }

    public InvalidReportException(String message, Throwable cause) {
        super(message, cause);
    }
}
