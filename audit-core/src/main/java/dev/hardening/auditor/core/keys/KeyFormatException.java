package dev.hardening.auditor.core.keys;

/** Key material that could not be read; the message says why in one sentence, without the key itself. */
public final class KeyFormatException extends Exception {
    public KeyFormatException(String message) {
        super(message);
    }

    public KeyFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
