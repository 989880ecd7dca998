package dev.hardening.auditor.core.secrets;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Last line of defence: replaces every known secret value by {@code [REDACTED]} in any text
 * that leaves the process (reports, logs, error lines). The first lines of defence are that
 * secrets are never put into findings, exceptions or log calls in the first place.
 */
public final class SecretRedactor {
    /** Secrets shorter than this are not searched for: they would match ordinary text. */
    private static final int MIN_LENGTH = 6;
    private final List<String> known = new CopyOnWriteArrayList<>();

    public void register(Secret secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            known.add(secret.reveal());
        }
    }

    public String redact(String text) {
        if (text == null || known.isEmpty()) {
            return text;
        }
        String out = text;
        for (String s : known) {
            if (out.contains(s)) {
                out = out.replace(s, "[REDACTED]");
            }
        }
        return out;
    }

    public boolean isEmpty() {
        return known.isEmpty();
    }
}
