package dev.hardening.auditor.core.tokens.pypi;

/**
 * The text given is not a PyPI API token that can be decoded. The message says what is wrong in
 * one sentence and never contains the token or any part of it.
 */
public final class InvalidTokenException extends Exception {
    public InvalidTokenException(String message) {
        // No cause is kept: a parser's own message could quote the bytes it choked on.
        super(message, null, false, false);
    }
}
