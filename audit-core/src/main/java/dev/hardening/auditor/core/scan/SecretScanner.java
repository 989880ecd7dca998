package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.secrets.Masking;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;

/**
 * Finds secrets in the content of one file. Three stages:
 * <ol>
 *   <li>one pass of the {@link KeywordIndex} over the bytes collects, per rule, windows around its
 *       keywords (overlapping windows merged);</li>
 *   <li>each rule's pattern runs only inside its windows (the text is viewed as ISO-8859-1, one char
 *       per byte, so offsets are byte offsets and no decoding can fail);</li>
 *   <li>candidates are filtered: allowlists and placeholders, entropy, offline validation (a failed
 *       checksum drops the candidate), and overlapping matches of several rules keep the most
 *       specific.</li>
 * </ol>
 * Thread-safe: one scanner serves any number of threads.
 */
public final class SecretScanner {
    private final List<Rule> rules;
    private final KeywordIndex index;
    /** For each keyword id, the rules it triggers. */
    private final int[][] rulesOfKeyword;
    /** For each keyword id, its exact-case form when a triggering rule wants exact case; else null. */
    private final byte[][] exactCase;
    private final int[] requiredKeyword;

    public SecretScanner(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        List<String> keywords = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<List<Integer>> ruleLists = new ArrayList<>();
        List<byte[]> exact = new ArrayList<>();
        requiredKeyword = new int[rules.size()];
        for (int r = 0; r < rules.size(); r++) {
            Rule rule = rules.get(r);
            for (String k : rule.keywords()) {
                // Same keyword with different case-sensitivity gets its own id.
                String key = rule.caseSensitiveKeywords() ? "S:" + k : "I:" + k.toLowerCase(Locale.ROOT);
                int id = keywords.indexOf(key);
                if (id < 0) {
                    keywords.add(key);
                    texts.add(k);
                    ruleLists.add(new ArrayList<>());
                    exact.add(rule.caseSensitiveKeywords() ? k.getBytes(StandardCharsets.US_ASCII) : null);
                    id = keywords.size() - 1;
                }
                ruleLists.get(id).add(r);
            }
            requiredKeyword[r] = -1;
        }
        for (int r = 0; r < rules.size(); r++) {
            String req = rules.get(r).requiresInFile();
            if (req != null) {
                String key = "I:" + req.toLowerCase(Locale.ROOT);
                int id = keywords.indexOf(key);
                if (id < 0) {
                    keywords.add(key);
                    texts.add(req);
                    ruleLists.add(new ArrayList<>());
                    exact.add(null);
                    id = keywords.size() - 1;
                }
                requiredKeyword[r] = id;
            }
        }
        index = new KeywordIndex(texts);
        rulesOfKeyword = ruleLists.stream().map(l -> l.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
        exactCase = exact.toArray(byte[][]::new);
    }

    /** A scanner with the built-in rules. */
    public static SecretScanner standard() {
        return new SecretScanner(StandardRules.all());
    }

    public List<Rule> rules() {
        return rules;
    }

    /** Scans a whole file. */
    public List<SecretMatch> scan(String path, byte[] content) {
        return scan(path, content, content.length);
    }

    /** Scans {@code content[0, length)} of the file at {@code path}. */
    public List<SecretMatch> scan(String path, byte[] content, int length) {
        String fileName = PathHints.fileName(path).toLowerCase(Locale.ROOT);
        Windows windows = new Windows(rules.size(), index.size());
        boolean[] active = new boolean[rules.size()];
        for (int r = 0; r < active.length; r++) {
            active[r] = rules.get(r).fileNames().isEmpty() || rules.get(r).fileNames().contains(fileName);
        }
        index.scan(content, 0, length, (k, end) -> {
            byte[] exact = exactCase[k];
            int start = end - (exact == null ? index.keyword(k).length() : exact.length);
            if (exact != null && !sameBytes(content, start, exact)) {
                return;
            }
            windows.keywordSeen[k] = true;
            for (int r : rulesOfKeyword[k]) {
                if (!active[r]) {
                    continue;
                }
                Rule rule = rules.get(r);
                if (rule.generic() && !assignmentFollows(content, end, length)) {
                    continue; // prose ("the token is refreshed"), not an assignment: no need to try the pattern
                }
                if (rule.before() == 0) {
                    // The match starts at the keyword: one anchored attempt per hit, however dense the hits.
                    windows.addAnchor(r, start, Math.min(length, end + rule.after()));
                } else {
                    windows.add(r, Math.max(0, start - rule.before()), Math.min(length, end + rule.after()));
                }
            }
        });
        if (!windows.any) {
            return List.of();
        }
        String text = new String(content, 0, length, StandardCharsets.ISO_8859_1);
        boolean binary = looksBinary(content, length);
        boolean testPath = PathHints.isTestPath(path);
        List<Candidate> candidates = new ArrayList<>();
        for (int r = 0; r < rules.size(); r++) {
            int[] w = windows.of(r);
            if (w.length == 0) {
                continue;
            }
            Rule rule = rules.get(r);
            if (rule.requiresInFile() != null && !windows.keywordSeen[requiredKeyword[r]]
                    || !rule.fileNames().isEmpty() && !rule.fileNames().contains(fileName)
                    || rule.generic() && binary) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            m.useTransparentBounds(true).useAnchoringBounds(false);
            boolean anchored = rule.before() == 0;
            for (int i = 0; i < w.length; i += 2) {
                m.region(w[i], w[i + 1]);
                if (anchored) {
                    if (m.lookingAt()) {
                        Candidate c = candidate(rule, m);
                        if (c != null) {
                            candidates.add(c);
                        }
                    }
                    continue;
                }
                while (m.find()) {
                    Candidate c = candidate(rule, m);
                    if (c != null) {
                        candidates.add(c);
                    }
                }
            }
        }
        return resolve(path, text, candidates, testPath);
    }

    private record Candidate(Rule rule, int start, int end, int secretStart, String secret, String matchText,
                             Validation validation) {
    }

    private static Candidate candidate(Rule rule, Matcher m) {
        int g = -1;
        for (int group : rule.secretGroups()) {
            if (m.group(group) != null) {
                g = group;
                break;
            }
        }
        if (g < 0) {
            return null;
        }
        String secret = m.group(g);
        // cheapest tests first: entropy, then the allowlists
        if (rule.minEntropy() > 0 && Entropy.shannon(secret) < rule.minEntropy()) {
            return null;
        }
        if (rule.generic() ? Allowlist.isGenericPlaceholder(secret) : Allowlist.isPlaceholder(secret)) {
            return null;
        }
        if (Allowlist.DOCUMENTED_EXAMPLES.contains(m.group())) {
            return null;
        }
        if (rule.generic() && (!plausibleGenericValue(secret) || namesADigest(m.group().substring(0, m.start(g) - m.start())))) {
            return null;
        }
        // A failed checksum is kept as a rejected candidate: it still occupies its span, so a
        // keyword-assignment rule cannot report the same value as a generic secret.
        Validation v = rule.validator().apply(secret);
        return new Candidate(rule, m.start(), m.end(), m.start(g), secret, m.group(), v);
    }

    /** At least two of lower case, upper case and digits. */
    private static boolean mixesLettersAndDigitsOrCases(String v) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            lower |= c >= 'a' && c <= 'z';
            upper |= c >= 'A' && c <= 'Z';
            digit |= c >= '0' && c <= '9';
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) >= 2;
    }

    /** {@code token_hash = ...}, {@code password_sha256: ...}: the name says the value is a digest or an id, not a secret. */
    private static boolean namesADigest(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (String w : new String[] {"hash", "digest", "checksum", "sha1", "sha256", "sha512", "md5", "uuid", "fingerprint",
                "_id\"", "_id'", "_id=", "_id:", "_id ", "length", "expir", "_ttl", "_url", "_uri", "_path", "_file", "_type",
                "_name", "_header", "_prefix", "_format", "field"}) {
            if (n.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /** Free-text values must look random: several character classes, or long and high-entropy. */
    private static boolean plausibleGenericValue(String v) {
        if (!mixesLettersAndDigitsOrCases(v)) {
            return false; // words and punctuation: a CSS selector, a slug, a sentence
        }
        int classes = Entropy.characterClasses(v);
        double h = Entropy.shannon(v);
        return classes >= 3 && h >= 3.0 || classes >= 2 && v.length() >= 12 && h >= 3.3 || v.length() >= 20 && h >= 3.7;
    }

    /** Overlapping candidates: the higher priority (then the validated, then the longer) wins. */
    private static List<SecretMatch> resolve(String path, String text, List<Candidate> candidates, boolean testPath) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        candidates.sort(Comparator.comparingInt((Candidate c) -> -c.rule().priority())
                .thenComparing(c -> c.validation() == Validation.INVALID)
                .thenComparing(c -> c.validation() != Validation.VALID)
                .thenComparingInt(c -> -(c.end() - c.start())));
        List<Candidate> kept = new ArrayList<>();
        // Kept secrets' spans by start; kept spans never overlap, so only the neighbours need checking.
        java.util.TreeMap<Integer, Integer> spans = new java.util.TreeMap<>();
        for (Candidate c : candidates) {
            int start = c.secretStart();
            int end = start + c.secret().length();
            var before = spans.floorEntry(start);
            var after = spans.ceilingEntry(start);
            if (before != null && before.getValue() > start || after != null && after.getKey() < end) {
                continue;
            }
            spans.put(start, end);
            kept.add(c);
        }
        kept.removeIf(c -> c.validation() == Validation.INVALID);
        kept.sort(Comparator.comparingInt(Candidate::start));
        LineIndex lines = new LineIndex(text);
        List<SecretMatch> out = new ArrayList<>(kept.size());
        for (Candidate c : kept) {
            Severity severity = c.rule().severity();
            if (c.rule().kind().equals("private-key") && c.matchText().contains("ENCRYPTED")) {
                severity = Severity.HIGH;
            }
            if (testPath) {
                severity = StandardRules.lower(severity);
            }
            // The line where the match begins: a PEM key is reported on its BEGIN line, like other tools do.
            out.add(new SecretMatch(c.rule().kind(), c.rule().title(), path, lines.lineOf(c.start()),
                    redactedMatch(c), Masking.fingerprint(c.secret()), c.validation(), severity, testPath));
        }
        return out;
    }

    /**
     * The match with its secret redacted. The surrounding text (a key name, a URL's user and host)
     * is shown only when short and free of other token-like runs.
     */
    private static String redactedMatch(Candidate c) {
        String secret = Redaction.redact(c.secret(), c.rule().visiblePrefix());
        String match = c.matchText();
        int at = c.secretStart() - c.start();
        String before = match.substring(0, Math.max(0, at));
        String after = match.substring(Math.min(match.length(), at + c.secret().length()));
        String context = before + after;
        if (context.length() > 80 || longRun(context) || before.contains("\n") || before.contains("\\n")) {
            return secret;
        }
        return before + secret + after;
    }

    private static boolean longRun(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            run = Character.isLetterOrDigit(s.charAt(i)) ? run + 1 : 0;
            if (run >= 16) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a keyword ending at {@code from} is followed, within the rest of an identifier and a few
     * quotes and spaces, by {@code =} or {@code :}, as every keyword-assignment pattern requires.
     */
    static boolean assignmentFollows(byte[] data, int from, int length) {
        int i = from;
        int limit = Math.min(length, from + 30);
        while (i < limit) {
            byte b = data[i];
            if (b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' || b >= '0' && b <= '9' || b == '_' || b == '.' || b == '-') {
                i++;
            } else {
                break;
            }
        }
        limit = Math.min(length, i + 7);
        while (i < limit) {
            byte b = data[i++];
            if (b == '=' || b == ':') {
                return true;
            }
            if (b != ' ' && b != '\t' && b != '"' && b != '\'' && b != '`') {
                return false;
            }
        }
        return false;
    }

    private static boolean sameBytes(byte[] data, int start, byte[] exact) {
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < exact.length; i++) {
            if (data[start + i] != exact[i]) {
                return false;
            }
        }
        return true;
    }

    /** A NUL byte in the first 8 KiB: a binary file, where free-text rules would only find noise. */
    static boolean looksBinary(byte[] content, int length) {
        int n = Math.min(length, 8192);
        for (int i = 0; i < n; i++) {
            if (content[i] == 0) {
                return true;
            }
        }
        return false;
    }

    /** Per rule, the merged windows (start, end pairs in increasing order). */
    private static final class Windows {
        private final int[][] spans;
        private final int[] counts;
        final boolean[] keywordSeen;
        boolean any;

        Windows(int rules, int keywords) {
            spans = new int[rules][];
            counts = new int[rules];
            keywordSeen = new boolean[keywords];
        }

        void add(int rule, int start, int end) {
            any = true;
            int n = counts[rule];
            int[] s = spans[rule];
            if (s == null) {
                s = spans[rule] = new int[8];
            }
            // Hits arrive in order of their end; a window may start before the previous one ends.
            if (n > 0 && start <= s[n - 1]) {
                s[n - 1] = Math.max(s[n - 1], end);
                if (start < s[n - 2]) {
                    s[n - 2] = start;
                }
                return;
            }
            if (n + 2 > s.length) {
                s = spans[rule] = Arrays.copyOf(s, s.length * 2);
            }
            s[n] = start;
            s[n + 1] = end;
            counts[rule] = n + 2;
        }

        /** An anchored attempt at {@code start} (pattern must match there), bounded by {@code end}. */
        void addAnchor(int rule, int start, int end) {
            any = true;
            int n = counts[rule];
            int[] s = spans[rule];
            if (s == null) {
                s = spans[rule] = new int[8];
            }
            if (n > 0 && s[n - 2] == start) {
                s[n - 1] = Math.max(s[n - 1], end);
                return;
            }
            if (n + 2 > s.length) {
                s = spans[rule] = Arrays.copyOf(s, s.length * 2);
            }
            s[n] = start;
            s[n + 1] = end;
            counts[rule] = n + 2;
        }

        int[] of(int rule) {
            return spans[rule] == null ? new int[0] : Arrays.copyOf(spans[rule], counts[rule]);
        }
    }

    /** Line numbers from offsets, computed once per file that has findings. */
    private static final class LineIndex {
        private final int[] newlines;
        private final int count;

        LineIndex(String text) {
            int[] nl = new int[64];
            int n = 0;
            for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
                if (n == nl.length) {
                    nl = Arrays.copyOf(nl, n * 2);
                }
                nl[n++] = i;
            }
            newlines = nl;
            count = n;
        }

        int lineOf(int offset) {
            int i = Arrays.binarySearch(newlines, 0, count, offset);
            return (i >= 0 ? i : -i - 1) + 1;
        }
    }
}
