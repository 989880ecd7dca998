package dev.hardening.auditor.core.secrets;

import java.util.Arrays;
import java.util.Objects;

/**
 * A credential held in a char array so that it can be wiped, and whose {@link #toString()} never
 * reveals it. Only the HTTP layer, attaching the credential to a request for its own host, calls
 * {@link #reveal()}.
 */
public final class Secret implements AutoCloseable {
    private final char[] value;
    private volatile boolean wiped;

    private Secret(char[] value) {
        this.value = value;
    }

    /** Takes a copy; the caller should wipe its own array. */
    public static Secret of(char[] value) {
        Objects.requireNonNull(value, "value");
        return new Secret(Arrays.copyOf(value, value.length));
    }

    public static Secret of(String value) {
        Objects.requireNonNull(value, "value");
        return new Secret(value.toCharArray());
    }

    /** The clear value, as a new String. Keep it as short-lived as possible. */
    public String reveal() {
        if (wiped) {
            throw new IllegalStateException("secret was wiped");
        }
        return new String(value);
    }

    public char[] revealChars() {
        if (wiped) {
            throw new IllegalStateException("secret was wiped");
        }
        return Arrays.copyOf(value, value.length);
    }

    public int length() {
        return value.length;
    }

    public boolean isBlank() {
        for (char c : value) {
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Kind prefix and SHA-256 fingerprint, safe to print. */
    public String fingerprint() {
        return Masking.token(new String(value));
    }

    /** Overwrites the value in memory. */
    @Override
    public void close() {
        Arrays.fill(value, '\0');
        wiped = true;
    }

    @Override
    public String toString() {
        return "Secret[redacted]";
    }
}
