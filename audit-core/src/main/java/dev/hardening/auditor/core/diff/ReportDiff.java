package dev.hardening.auditor.core.diff;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.report.AuditReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What changed between two reports (an older {@code before}, a newer {@code after}). Findings are
 * matched by check and subject:
 * <ul>
 * <li><b>new</b>: calls for action (FAIL or WARN) after, and did not before (or was absent);</li>
 * <li><b>resolved</b>: called for action before, and no longer does (or is gone);</li>
 * <li><b>changed</b>: any other change of status, severity or waiver, including a finding that
 *     appears or disappears without calling for action (PASS, UNKNOWN, ...). Message wording alone
 *     (e.g. "expires in 30 days" becoming "in 29") is not a change.</li>
 * </ul>
 * Publisher rosters come from {@code publishers.roster} (the {@code publishers} attribute, or its
 * evidence for reports without attributes), per package audited in both. Tokens are known by
 * fingerprint only: the {@code tokens} attribute ({@code npm.tokens} names the account's tokens by
 * key prefix, {@code npm-token:abcd12}; the other token checks by {@code sha256:} fingerprint), or for
 * reports without it the {@code sha256:} fingerprints in the evidence of the token checks.
 */
public record ReportDiff(List<FindingChange> newFindings, List<FindingChange> resolved, List<FindingChange> changed,
                         List<RosterChange> rosterChanges, List<TokenChange> tokensAdded,
                         List<TokenChange> tokensRemoved) {
    /** Checks whose findings name tokens (by fingerprint). */
    public static final Set<String> TOKEN_CHECKS = Set.of("github.token", "npm.tokens", "pypi.token-scope",
            "workstation.credentials");
    public static final String ROSTER_CHECK = "publishers.roster";
    private static final Pattern FINGERPRINT = Pattern.compile("sha256:[0-9a-f]{12,64}");
    /** The publishers.roster evidence value: {@code alice, bob (Owner)}. */
    private static final Pattern ROLE_SUFFIX = Pattern.compile("\\s*\\([^)]*\\)\\s*$");

    public ReportDiff {
        newFindings = List.copyOf(newFindings);
        resolved = List.copyOf(resolved);
        changed = List.copyOf(changed);
        rosterChanges = List.copyOf(rosterChanges);
        tokensAdded = List.copyOf(tokensAdded);
        tokensRemoved = List.copyOf(tokensRemoved);
    }

    /** One finding before and after; either side may be absent. */
    public record FindingChange(String check, String subject, Optional<Finding> before, Optional<Finding> after) {
        public String describe(Optional<Finding> side) {
            return side.map(f -> f.status().name() + (f.waiver().isPresent()
                    ? (f.isWaived() ? " (waived)" : " (waiver expired)") : "")).orElse("absent");
        }

        public Finding current() {
            return after.or(() -> before).orElseThrow();
        }
    }

    /** Publishers of one package gained or lost. */
    public record RosterChange(String subject, List<String> added, List<String> removed) {
        public RosterChange {
            added = List.copyOf(added);
            removed = List.copyOf(removed);
        }
    }

    /** A token (by fingerprint) seen by a check on a subject. */
    public record TokenChange(String check, String subject, String fingerprint) {
    }

    public boolean isEmpty() {
        return newFindings.isEmpty() && resolved.isEmpty() && changed.isEmpty() && rosterChanges.isEmpty()
                && tokensAdded.isEmpty() && tokensRemoved.isEmpty();
    }

    public static ReportDiff between(AuditReport before, AuditReport after) {
        Map<String, Finding> a = byKey(before.findings());
        Map<String, Finding> b = byKey(after.findings());
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<FindingChange> added = new ArrayList<>();
        List<FindingChange> resolved = new ArrayList<>();
        List<FindingChange> changed = new ArrayList<>();
        for (String key : keys) {
            Optional<Finding> was = Optional.ofNullable(a.get(key));
            Optional<Finding> now = Optional.ofNullable(b.get(key));
            Finding any = now.or(() -> was).orElseThrow();
            FindingChange change = new FindingChange(any.check(), any.subject(), was, now);
            boolean neededBefore = was.map(f -> f.status().needsAction()).orElse(false);
            boolean needsNow = now.map(f -> f.status().needsAction()).orElse(false);
            if (needsNow && !neededBefore) {
                added.add(change);
            } else if (neededBefore && !needsNow) {
                resolved.add(change);
            } else if (!sameVerdict(was, now)) {
                changed.add(change);
            }
        }
        List<TokenChange> tokensBefore = tokens(before);
        List<TokenChange> tokensAfter = tokens(after);
        return new ReportDiff(added, resolved, changed, rosterChanges(before, after),
                minus(tokensAfter, tokensBefore), minus(tokensBefore, tokensAfter));
    }

    private static boolean sameVerdict(Optional<Finding> was, Optional<Finding> now) {
        if (was.isEmpty() || now.isEmpty()) {
            return was.isEmpty() && now.isEmpty();
        }
        Finding x = was.get();
        Finding y = now.get();
        return x.status() == y.status() && x.severity() == y.severity()
                && Objects.equals(x.waiver().map(w -> w.active()), y.waiver().map(w -> w.active()));
    }

    private static Map<String, Finding> byKey(List<Finding> findings) {
        Map<String, Finding> map = new LinkedHashMap<>();
        for (Finding f : findings) {
            map.putIfAbsent(f.check() + "\u0000" + f.subject(), f);
        }
        return map;
    }

    private static List<RosterChange> rosterChanges(AuditReport before, AuditReport after) {
        Map<String, Set<String>> a = rosters(before);
        Map<String, Set<String>> b = rosters(after);
        List<RosterChange> changes = new ArrayList<>();
        for (Map.Entry<String, Set<String>> e : b.entrySet()) {
            Set<String> old = a.get(e.getKey());
            if (old == null) {
                continue;
            }
            List<String> gained = e.getValue().stream().filter(p -> !containsIgnoreCase(old, p)).toList();
            List<String> lost = old.stream().filter(p -> !containsIgnoreCase(e.getValue(), p)).toList();
            if (!gained.isEmpty() || !lost.isEmpty()) {
                changes.add(new RosterChange(e.getKey(), gained, lost));
            }
        }
        return changes;
    }

    /** Publishers per package subject, where the report shows them. */
    public static Map<String, Set<String>> rosters(AuditReport report) {
        Map<String, Set<String>> out = new TreeMap<>();
        for (Finding f : report.findings()) {
            if (!f.check().equals(ROSTER_CHECK)) {
                continue;
            }
            List<String> publishers = f.attributes().get("publishers");
            if (publishers == null) {
                publishers = f.evidence().stream().filter(e -> e.label().equals("publishers")).findFirst()
                        .map(e -> List.of(e.value().split(","))).orElse(null);
            }
            if (publishers == null) {
                continue;
            }
            Set<String> names = new TreeSet<>();
            publishers.forEach(p -> {
                String name = ROLE_SUFFIX.matcher(p).replaceAll("").strip();
                if (!name.isEmpty()) {
                    names.add(name);
                }
            });
            out.put(f.subject(), names);
        }
        return out;
    }

    /** Tokens by fingerprint, per token check and subject. */
    public static List<TokenChange> tokens(AuditReport report) {
        Set<TokenChange> out = new java.util.LinkedHashSet<>();
        for (Finding f : report.findings()) {
            if (!TOKEN_CHECKS.contains(f.check())) {
                continue;
            }
            List<String> listed = f.attributes().get("tokens");
            if (listed != null) {
                listed.forEach(t -> out.add(new TokenChange(f.check(), f.subject(), t)));
                continue;
            }
            for (Evidence e : f.evidence()) {
                Matcher m = FINGERPRINT.matcher(e.value());
                while (m.find()) {
                    out.add(new TokenChange(f.check(), f.subject(), m.group()));
                }
            }
        }
        return List.copyOf(out);
    }

    private static List<TokenChange> minus(List<TokenChange> from, List<TokenChange> remove) {
        Set<String> gone = new TreeSet<>();
        remove.forEach(t -> gone.add(identity(t)));
        return from.stream().filter(t -> !gone.contains(identity(t))).toList();
    }

    /**
     * A token is the same token when its check and its SHA-256 fingerprint match: a report that lists it in
     * the {@code tokens} attribute ({@code npm_… sha256:…}) and an older one whose evidence only shows
     * {@code sha256:…} agree. Ids without a SHA-256 fingerprint ({@code npm-token:abcd12}) are compared whole.
     */
    private static String identity(TokenChange t) {
        Matcher m = FINGERPRINT.matcher(t.fingerprint());
        return t.check() + "\u0000" + (m.find() ? m.group() : t.fingerprint());
    }

    private static boolean containsIgnoreCase(Set<String> set, String value) {
        String v = value.toLowerCase(Locale.ROOT);
        return set.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).equals(v));
    }
}
