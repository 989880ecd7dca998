package dev.hardening.auditor.core.tokens;

import java.util.Optional;

/**
 * Recognises one family of tokens from their text, offline. A recogniser answers only for values
 * of its own family (by prefix or shape) and says whether the format holds; it never calls a
 * service to test the token.
 */
@FunctionalInterface
public interface TokenRecognizer {
    /** The inspection when {@code token} belongs to this family (valid or not), else empty. */
    Optional<TokenInspection> inspect(CharSequence token);
}
