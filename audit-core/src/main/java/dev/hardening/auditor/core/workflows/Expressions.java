package dev.hardening.auditor.core.workflows;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ${{ ... }}} expressions of GitHub Actions text and the context paths they read, e.g.
 * {@code github.event.comment.body}. Tolerant of the spellings GitHub accepts: any whitespace,
 * index syntax ({@code github.event['comment']['body']}), function calls
 * ({@code format('{0}', github.event.issue.title)}, {@code toJSON(github.event)}); text inside string
 * literals is not a context reference. Context names are case-insensitive, so paths are lower-cased.
 */
public final class Expressions {
    private static final Pattern QUOTED_INDEX = Pattern.compile("\\[\\s*'((?:[^']|'')*)'\\s*\\]");
    private static final Pattern STAR_OR_NUMBER_INDEX = Pattern.compile("\\[\\s*(?:\\*|\\d+)\\s*\\]");
    private static final Pattern STRING = Pattern.compile("'(?:[^']|'')*'");
    private static final Pattern DOTS = Pattern.compile("\\s*\\.\\s*");
    private static final Pattern PATH = Pattern.compile(
            "(?<![A-Za-z0-9_.-])(github|env|secrets|inputs|vars|steps|needs|matrix|job|runner|strategy)((?:\\.(?:[A-Za-z_][A-Za-z0-9_-]*|\\*))*)",
            Pattern.CASE_INSENSITIVE);

    private Expressions() {
    }

    /** The bodies of the {@code ${{ }}} expressions in {@code text}, in order (an unclosed one runs to the end). */
    public static List<String> in(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        int from = 0;
        while (true) {
            int start = text.indexOf("${{", from);
            if (start < 0) {
                return out;
            }
            int i = start + 3;
            boolean quoted = false;
            while (i < text.length()) {
                char c = text.charAt(i);
                if (c == '\'') {
                    quoted = !quoted; // '' inside a literal toggles twice: still quoted
                } else if (!quoted && c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                    break;
                }
                i++;
            }
            out.add(text.substring(start + 3, Math.min(i, text.length())));
            from = Math.min(i + 2, text.length());
        }
    }

    /**
     * The context paths an expression body reads, normalised: lower case, {@code ['x']} written as
     * {@code .x}, {@code [0]} and {@code [*]} as {@code .*}, no whitespace.
     */
    public static Set<String> references(String expression) {
        Set<String> out = new LinkedHashSet<>();
        if (expression == null) {
            return out;
        }
        String e = QUOTED_INDEX.matcher(expression).replaceAll(m -> Matcher.quoteReplacement("." + m.group(1).replace("''", "'")));
        e = STAR_OR_NUMBER_INDEX.matcher(e).replaceAll(".*");
        e = STRING.matcher(e).replaceAll("''");
        e = DOTS.matcher(e).replaceAll(".");
        Matcher m = PATH.matcher(e);
        while (m.find()) {
            out.add((m.group(1) + m.group(2)).toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /**
     * An expression as evidence may show it: whitespace collapsed, long string literals (which could
     * hold a credential someone pasted into a workflow) replaced by {@code '…'}, at most 120 characters.
     */
    public static String display(String expression) {
        String e = STRING.matcher(expression.strip()).replaceAll(m -> m.group().length() > 18 ? "'…'" : Matcher.quoteReplacement(m.group()));
        e = e.replaceAll("\\s+", " ");
        return e.length() > 120 ? e.substring(0, 117) + "..." : e;
    }

    /** Every context path read anywhere in {@code text}. */
    public static Set<String> referencesIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        in(text).forEach(e -> out.addAll(references(e)));
        return out;
    }

    /** The names of the secrets {@code text} reads ({@code secrets.NAME}, {@code secrets['NAME']}), upper-cased. */
    public static Set<String> secretsIn(String text) {
        Set<String> out = new LinkedHashSet<>();
        for (String ref : referencesIn(text)) {
            if (ref.startsWith("secrets.") && ref.indexOf('.', 8) < 0) {
                out.add(ref.substring(8).toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }
}
