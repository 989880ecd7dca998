package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.secrets.SecretRedactor;

/**
 * The writers' safety net: every string they emit passes through here. Findings are built without
 * secrets in the first place; this catches a registered secret that slipped into one anyway.
 * Redaction happens before escaping, because an escaped secret is still a leaked secret.
 */
final class OutputRedaction {
    private static final OutputRedaction NONE = new OutputRedaction(null);

    private final SecretRedactor redactor;

    private OutputRedaction(SecretRedactor redactor) {
        this.redactor = redactor;
    }

    /** {@code redactor} may be null: nothing is registered, nothing to redact. */
    static OutputRedaction of(SecretRedactor redactor) {
        return redactor == null ? NONE : new OutputRedaction(redactor);
    }

    String clean(String text) {
        if (text == null || redactor == null) {
            return text;
        }
        return redactor.redact(text);
    }
}
