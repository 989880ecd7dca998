package dev.hardening.auditor.core.tokens;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Values that stand in for a credential without being one: documentation examples, template
 * variables, "your-token-here", runs of {@code x} or {@code 0}. Configuration files and tutorials
 * are full of them, and reporting one as a leaked secret would teach users to ignore the report.
 */
public final class Placeholders {
    /** Words that never occur in an issued token but often in a stand-in; matched case-insensitively. */
    private static final List<String> WORDS = List.of("example", "placeholder", "changeme", "change_me", "change-me",
            "replace", "redacted", "dummy", "sample", "your_", "your-", "yourtoken", "your.token", "token_here",
            "token-here", "tokenhere", "secret_here", "insert", "xxxxx", "*****", ".....", "123456", "abcdef", "qwerty",
            "notreal", "not_real", "not-real", "fake_", "fake-", "testtoken", "test_token");
    /** Template syntaxes: {@code ${VAR}}, {@code $VAR}, {@code {{ var }}}, {@code %VAR%}, {@code <token>}. */
    private static final Pattern TEMPLATE = Pattern.compile(
            "^\\$\\{[^}]*}$|^\\$[A-Za-z_][A-Za-z0-9_]*$|.*\\{\\{.*}}.*|^%[A-Za-z_][A-Za-z0-9_]*%$|^<[^>]*>$|.*\\$\\{[^}]+}.*");

    private Placeholders() {
    }

    /** Whether the whole value is a stand-in (checked on the value as written, prefix included). */
    public static boolean isPlaceholder(CharSequence value) {
        if (value == null) {
            return true;
        }
        String v = value.toString().strip();
        if (v.isEmpty() || TEMPLATE.matcher(v).matches()) {
            return true;
        }
        String lower = v.toLowerCase(Locale.ROOT);
        for (String w : WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return lowDiversity(v);
    }

    /** An environment variable reference such as {@code ${NPM_TOKEN}}, or empty. */
    public static java.util.Optional<String> variableReference(CharSequence value) {
        String v = value == null ? "" : value.toString().strip();
        var m = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$|^\\$([A-Za-z_][A-Za-z0-9_]*)$").matcher(v);
        if (!m.matches()) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(m.group(1) != null ? m.group(1) : m.group(2));
    }

    /**
     * A body of eight or more characters made of at most four distinct characters ({@code 0000…},
     * {@code xxxx…}, {@code abab…}): no issuer produces that.
     */
    static boolean lowDiversity(String body) {
        if (body.length() < 8) {
            return false;
        }
        Set<Character> distinct = new HashSet<>();
        for (int i = 0; i < body.length() && distinct.size() <= 4; i++) {
            distinct.add(body.charAt(i));
        }
        return distinct.size() <= 4;
    }

    /**
     * For tokens with a checksum, where a matching checksum already rules out typos: only the
     * unmistakable stand-ins (the word EXAMPLE, a run of five x, four or fewer distinct characters).
     */
    static boolean isObviousStandIn(String body) {
        String lower = body.toLowerCase(Locale.ROOT);
        return body.contains("EXAMPLE") || body.contains("example") || lower.contains("xxxxx") || lowDiversity(body);
    }
}
