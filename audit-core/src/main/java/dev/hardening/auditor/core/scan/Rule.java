package dev.hardening.auditor.core.scan;

import dev.hardening.auditor.core.model.Severity;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One detection rule. A rule runs only where one of its keywords occurs (found for every rule at
 * once by {@link KeywordIndex}), and then only on a bounded window around the keyword, so a
 * pattern never sees more text than {@code before + keyword + after} characters per hit (windows that
 * overlap are merged and scanned once).
 *
 * @param kind            what the secret is, e.g. {@code github-pat}; findings are labelled with it
 * @param title           the kind in words, e.g. "GitHub personal access token (classic)"
 * @param severity        the severity of a finding outside test directories
 * @param keywords        literal strings, matched case-insensitively, at least one of which every match contains
 * @param caseSensitiveKeywords whether a keyword hit must also match in exact case (e.g. {@code SK} of Twilio)
 * @param pattern         the regular expression (bounded repetitions, possessive where it can backtrack)
 * @param secretGroups    capture groups holding the secret; the first that matched is the secret
 * @param before          characters before a keyword the pattern may start at
 * @param after           characters after a keyword the pattern may end at
 * @param minEntropy      minimum Shannon entropy (bits per character) of the secret; 0 for none
 * @param validator       offline check of the secret (checksum, structure); {@code s -> UNCHECKED} when none
 * @param requiresInFile  another keyword that must also occur somewhere in the same file, or null
 * @param fileNames       if non-empty, the rule runs only on files with one of these names
 * @param visiblePrefix   how many leading characters of the secret a redacted match shows (a format prefix)
 * @param priority        when matches of two rules overlap, the higher priority is kept
 * @param generic         whether this is a keyword-assignment rule (extra placeholder filtering, text files only)
 */
public record Rule(String kind, String title, Severity severity, List<String> keywords, boolean caseSensitiveKeywords,
                   Pattern pattern, int[] secretGroups, int before, int after, double minEntropy,
                   Function<String, Validation> validator, String requiresInFile, List<String> fileNames,
                   int visiblePrefix, int priority, boolean generic) {
    public Rule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(pattern, "pattern");
        keywords = List.copyOf(keywords);
        fileNames = List.copyOf(fileNames);
        if (keywords.isEmpty()) {
            throw new IllegalArgumentException(kind + ": a rule needs at least one keyword");
        }
        secretGroups = secretGroups.clone();
        validator = validator == null ? s -> Validation.UNCHECKED : validator;
    }

    /** A builder with the common defaults: no entropy floor, no validator, window of 0 before and 200 after. */
    public static Builder of(String kind, String title, Severity severity, String regex) {
        return new Builder(kind, title, severity, regex);
    }

    /** Fluent construction of a rule. */
    public static final class Builder {
        private final String kind;
        private final String title;
        private final Severity severity;
        private final String regex;
        private List<String> keywords = List.of();
        private boolean caseSensitive;
        private int[] groups = {0};
        private int before;
        private int after = 200;
        private double minEntropy;
        private Function<String, Validation> validator;
        private String requiresInFile;
        private List<String> fileNames = List.of();
        private int visiblePrefix;
        private int priority = 10;
        private boolean generic;
        private int flags;

        private Builder(String kind, String title, Severity severity, String regex) {
            this.kind = kind;
            this.title = title;
            this.severity = severity;
            this.regex = regex;
        }

        public Builder keywords(String... k) {
            keywords = List.of(k);
            return this;
        }

        public Builder caseSensitiveKeywords() {
            caseSensitive = true;
            return this;
        }

        public Builder secretGroups(int... g) {
            groups = g;
            return this;
        }

        public Builder window(int charsBefore, int charsAfter) {
            before = charsBefore;
            after = charsAfter;
            return this;
        }

        public Builder minEntropy(double bits) {
            minEntropy = bits;
            return this;
        }

        public Builder validator(Function<String, Validation> v) {
            validator = v;
            return this;
        }

        public Builder requiresInFile(String keyword) {
            requiresInFile = keyword;
            return this;
        }

        public Builder onlyInFiles(String... names) {
            fileNames = List.of(names);
            return this;
        }

        public Builder visiblePrefix(int n) {
            visiblePrefix = n;
            return this;
        }

        public Builder priority(int p) {
            priority = p;
            return this;
        }

        public Builder generic() {
            generic = true;
            return this;
        }

        public Builder caseInsensitive() {
            flags |= Pattern.CASE_INSENSITIVE;
            return this;
        }

        public Rule build() {
            return new Rule(kind, title, severity, keywords, caseSensitive, Pattern.compile(regex, flags), groups, before,
                    after, minEntropy, validator, requiresInFile, fileNames, visiblePrefix, priority, generic);
        }
    }
}
