package dev.hardening.auditor.core.scan;

/** How a found secret is shown: the format's public prefix, never more than a quarter of the value. */
final class Redaction {
    private Redaction() {
    }

    /**
     * {@code ghp_… (40 chars)}; with no declared prefix, the first two characters of values of 16
     * characters or more, none of shorter ones.
     */
    static String redact(String secret, int visiblePrefix) {
        int show = visiblePrefix > 0 ? visiblePrefix : secret.length() >= 16 ? 2 : 0;
        show = Math.min(show, secret.length() / 4);
        return secret.substring(0, show) + "… (" + secret.length() + " chars)";
    }
}
