package dev.hardening.auditor.core.scan;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Values that look like secrets but are not: keys that vendors publish in their documentation,
 * placeholders, template references and filler. A candidate on this list is never reported.
 */
public final class Allowlist {
    /** Keys published as examples in vendors' documentation (and so in countless READMEs). */
    static final Set<String> DOCUMENTED_EXAMPLES = Set.of(
            // AWS documentation
            "AKIAIOSFODNN7EXAMPLE",
            "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
            "je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY",
            // Azurite / Azure Storage Emulator well-known account key
            "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==",
            // Stripe documentation test key
            "sk_test_4eC39HqLyjWDarjtT1zdp7dc",
            "sk_test_BQokikJOvBiI2HlWgH4olfQ2",
            // jwt.io's sample token signature
            "SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
            // Telegram Bot API documentation
            "110201543:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw",
            "123456:ABC-DEF1234ghIkl-zyx57W2v1u123ew11");

    /** Words that mark a value as a stand-in (matched case-insensitively as substrings). */
    private static final List<String> PLACEHOLDER_WORDS = List.of(
            "example", "xxxx", "****", "....", "<", ">", "${", "{{", "%(", "$(", "placeholder", "your_", "your-",
            "yourkey", "yourtoken", "yoursecret", "changeme", "change_me", "change-me", "redacted", "dummy", "sample",
            "secret_here", "token_here", "key_here");

    /** Whole words (runs of letters) that mark a stand-in. Random values rarely hold a whole word. */
    private static final Set<String> PLACEHOLDER_RUNS = Set.of("here", "todo", "fixme", "insert", "replace", "xxx");

    /** Extra stand-ins for keyword-assignment rules, whose values are free text. */
    private static final List<String> GENERIC_PLACEHOLDER_WORDS = List.of(
            "password", "passwd", "secret", "token", "process.env", "os.environ", "getenv", "env[", "environ", "config.",
            "settings.", "request.", "self.", "this.", "args.", "options.", "params.", "getpass", "input(",
            "prompt", "keyring", "vault:", "ssm:", "arn:", "secretsmanager", "file:", "http://", "https://");

    /** Whole words that, for keyword-assignment values, mark a stand-in or a literal. */
    private static final Set<String> GENERIC_PLACEHOLDER_RUNS = Set.of("fake", "test", "mock", "foo", "bar", "baz", "null",
            "none", "nil", "undefined", "true", "false", "demo", "default", "string", "value", "pass", "required");

    private Allowlist() {
    }

    /** Whether a candidate from a format-specific rule is a documented example or a stand-in. */
    public static boolean isPlaceholder(String secret) {
        if (DOCUMENTED_EXAMPLES.contains(secret)) {
            return true;
        }
        for (String example : DOCUMENTED_EXAMPLES) {
            if (example.length() >= 20 && secret.contains(example)) {
                return true;
            }
        }
        String lower = secret.toLowerCase(Locale.ROOT);
        for (String w : PLACEHOLDER_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return hasRun(secret, PLACEHOLDER_RUNS) || lowDiversity(secret);
    }

    /** Whether a value of a keyword-assignment rule is a stand-in, a reference or code rather than a secret. */
    public static boolean isGenericPlaceholder(String value) {
        if (isPlaceholder(value)) {
            return true;
        }
        String lower = value.toLowerCase(Locale.ROOT);
        for (String w : GENERIC_PLACEHOLDER_WORDS) {
            if (lower.contains(w)) {
                return true;
            }
        }
        return hasRun(value, GENERIC_PLACEHOLDER_RUNS) || looksLikeCodeOrReference(value) || looksLikeUuid(value)
                || value.startsWith("$") || value.startsWith("%");
    }

    /**
     * Whether one of the words is a whole run of letters of the value, split at non-letters and at
     * lower-to-upper case changes ({@code myTestKey} has the run {@code test}).
     */
    static boolean hasRun(String value, Set<String> words) {
        int start = -1;
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : ' ';
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
            boolean boundary = !letter || start >= 0 && Character.isUpperCase(c) && Character.isLowerCase(value.charAt(i - 1));
            if (boundary && start >= 0) {
                if (words.contains(value.substring(start, i).toLowerCase(Locale.ROOT))) {
                    return true;
                }
                start = -1;
            }
            if (letter && start < 0) {
                start = i;
            }
        }
        return false;
    }

    /** One character making up most of it, or a run such as {@code 0123456789} or {@code abcdef}. */
    static boolean lowDiversity(String s) {
        if (s.length() < 8) {
            return false;
        }
        int[] counts = new int[128];
        int max = 0;
        int distinct = 0;
        int sequential = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 128) {
                if (counts[c]++ == 0) {
                    distinct++;
                }
                max = Math.max(max, counts[c]);
            }
            if (i > 0 && (c == s.charAt(i - 1) + 1 || c == s.charAt(i - 1))) {
                sequential++;
            }
        }
        return max * 2 > s.length() || distinct <= 3 || sequential * 10 > s.length() * 6;
    }

    /** {@code settings.SECRET_KEY}, {@code getToken()}, {@code MY_API_KEY}: code or a variable name, not a value. */
    static boolean looksLikeCodeOrReference(String v) {
        if (v.indexOf('(') >= 0 || v.indexOf(')') >= 0 || v.indexOf('[') >= 0) {
            return true;
        }
        boolean identifier = true;
        boolean upperSnake = true;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            boolean id = Character.isLetterOrDigit(c) || c == '_' || c == '.';
            identifier &= id && (i > 0 || !Character.isDigit(c));
            upperSnake &= c >= 'A' && c <= 'Z' || c == '_' || c >= '0' && c <= '9';
        }
        // dotted.attribute.access or an UPPER_SNAKE environment variable name
        return upperSnake || identifier && v.indexOf('.') > 0 && !v.endsWith(".");
    }

    static boolean looksLikeUuid(String v) {
        if (v.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = v.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
