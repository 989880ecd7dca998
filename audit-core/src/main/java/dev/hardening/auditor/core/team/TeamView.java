package dev.hardening.auditor.core.team;

import dev.hardening.auditor.core.diff.ReportDiff;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.signing.VerifiedSnapshot;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The team's hardening, built from members' verified self-audit snapshots, because the platforms
 * hide other people's second-factor settings: per person and platform, the second factor (seen by
 * the API, or attested), long-lived tokens, signing keys, breached addresses and workstation
 * exposure; per package, who can publish it and how hardened each publisher is. Each member counts
 * with their latest snapshot.
 */
public record TeamView(List<Source> sources, List<PersonRow> people, List<PackageRow> packages,
                       List<TeamImport.Refused> refused) {
    public TeamView {
        sources = List.copyOf(sources);
        people = List.copyOf(people);
        packages = List.copyOf(packages);
        refused = List.copyOf(refused);
    }

    /** What the view shows per person and platform, and the checks that answer it. */
    public enum Aspect {
        SECOND_FACTOR("second factor", Set.of("github.2fa", "npm.2fa", "pypi.2fa", "account.mfa-method")),
        LONG_LIVED_TOKENS("long-lived tokens", Set.of("github.token", "npm.tokens", "pypi.token-scope")),
        SIGNING_KEYS("signing keys", Set.of("github.signing-keys")),
        BREACHED_ADDRESSES("breached addresses", Set.of("email.breach")),
        WORKSTATION_EXPOSURE("workstation exposure", Set.of("workstation.credentials", "workstation.ssh-keys"));

        private final String title;
        private final Set<String> checks;

        Aspect(String title, Set<String> checks) {
            this.title = title;
            this.checks = checks;
        }

        public String title() {
            return title;
        }

        public Set<String> checks() {
            return checks;
        }
    }

    /** The verified snapshot a member counts with. */
    public record Source(String member, String keyId, long snapshotId, String takenAt, String takenBy, int score,
                         List<String> targets) {
        public Source {
            targets = List.copyOf(targets);
        }
    }

    /**
     * What a member's snapshot says about one aspect: the worst status among the findings that answer
     * it, how many there were, and whether they were only self-declared.
     */
    public record Cell(Optional<Status> worst, int findings, int needingAction, boolean attestedOnly,
                       List<String> messages) {
        public Cell {
            messages = List.copyOf(messages);
        }

        static Cell notAudited() {
            return new Cell(Optional.empty(), 0, 0, false, List.of());
        }

        public String describe() {
            if (worst.isEmpty()) {
                return "not audited";
            }
            // ATTESTED says itself that it was declared; the other verdicts come from what the APIs showed.
            String text = worst.get().name();
            if (worst.get() != Status.UNKNOWN && worst.get() != Status.ATTESTED && !attestedOnly) {
                text += " (seen)";
            }
            if (findings > 1) {
                text += ", " + needingAction + " of " + findings + " need action";
            }
            return text;
        }
    }

    public record PersonRow(String member, String platform, Map<Aspect, Cell> cells) {
        public PersonRow {
            cells = java.util.Collections.unmodifiableMap(new EnumMap<>(cells));
        }
    }

    /** One publisher of one package, with the hardening of the member behind the account, if known. */
    public record PackageRow(String subject, String publisher, Optional<String> member, Cell secondFactor,
                             Cell longLivedTokens, Optional<Integer> score) {
    }

    /** A snapshot the view trusts, and whose it is. */
    public record MemberSnapshot(String member, VerifiedSnapshot snapshot) {
    }

    public static TeamView of(TeamImport.Result result) {
        return of(result.accepted().stream().map(a -> new MemberSnapshot(a.member().name(), a.snapshot())).toList(),
                result.refused());
    }

    /**
     * The view of snapshots already trusted: members' verified files, and for instance the app's own
     * latest audit, which needs no signature to be believed by the person who ran it.
     */
    public static TeamView of(List<MemberSnapshot> snapshots, List<TeamImport.Refused> refused) {
        Map<String, MemberSnapshot> latest = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (MemberSnapshot a : snapshots) {
            latest.merge(a.member(), a, (x, y) ->
                    y.snapshot().takenAt().isAfter(x.snapshot().takenAt()) ? y : x);
        }
        List<Source> sources = new ArrayList<>();
        List<PersonRow> people = new ArrayList<>();
        for (MemberSnapshot a : latest.values()) {
            VerifiedSnapshot s = a.snapshot();
            sources.add(new Source(a.member(), s.keyId(), s.snapshotId(), s.takenAt().toString(), s.takenBy(),
                    s.report().score(), s.targets()));
            people.addAll(rows(a.member(), s.report()));
        }
        return new TeamView(sources, people, packages(latest), refused);
    }

    private static List<PersonRow> rows(String member, AuditReport report) {
        Map<String, Map<Aspect, List<Finding>>> byPlatform = new TreeMap<>();
        for (Finding f : report.findings()) {
            for (Aspect aspect : Aspect.values()) {
                if (aspect.checks().contains(f.check())) {
                    byPlatform.computeIfAbsent(platformOf(f, aspect), k -> new EnumMap<>(Aspect.class))
                            .computeIfAbsent(aspect, k -> new ArrayList<>()).add(f);
                }
            }
        }
        List<PersonRow> rows = new ArrayList<>();
        byPlatform.forEach((platform, aspects) -> {
            Map<Aspect, Cell> cells = new EnumMap<>(Aspect.class);
            for (Aspect aspect : Aspect.values()) {
                cells.put(aspect, cell(aspects.getOrDefault(aspect, List.of())));
            }
            rows.add(new PersonRow(member, platform, cells));
        });
        return rows;
    }

    /** Second factors are per account ({@code github:login}); the other aspects follow the check's area. */
    private static String platformOf(Finding f, Aspect aspect) {
        if (aspect == Aspect.SECOND_FACTOR) {
            int colon = f.subject().indexOf(':');
            if (colon > 0) {
                return f.subject().substring(0, colon).toLowerCase(Locale.ROOT);
            }
        }
        return f.check().substring(0, f.check().indexOf('.'));
    }

    private static Cell cell(List<Finding> findings) {
        if (findings.isEmpty()) {
            return Cell.notAudited();
        }
        Finding worst = findings.stream().min(Comparator.comparingInt(f -> rank(f.status()))).orElseThrow();
        boolean attestedOnly = findings.stream().allMatch(f -> f.status() == Status.ATTESTED
                || f.status() == Status.NOT_APPLICABLE);
        int needing = (int) findings.stream().filter(f -> f.status().needsAction()).count();
        List<String> messages = findings.stream().filter(f -> f.status() == worst.status())
                .map(f -> f.subject() + ": " + f.message()).toList();
        return new Cell(Optional.of(worst.status()), findings.size(), needing, attestedOnly, messages);
    }

    /** Worst first: what needs action, then what is not known, then what is only declared. */
    private static int rank(Status s) {
        return switch (s) {
            case FAIL -> 0;
            case WARN -> 1;
            case UNKNOWN -> 2;
            case ATTESTED -> 3;
            case PASS -> 4;
            case NOT_APPLICABLE -> 5;
        };
    }

    private static List<PackageRow> packages(Map<String, MemberSnapshot> latest) {
        Map<String, Set<String>> publishers = new TreeMap<>();
        for (MemberSnapshot a : latest.values()) {
            ReportDiff.rosters(a.snapshot().report()).forEach((subject, names) ->
                    publishers.computeIfAbsent(subject, k -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)).addAll(names));
        }
        List<PackageRow> rows = new ArrayList<>();
        publishers.forEach((subject, names) -> {
            String platform = subject.substring(0, subject.indexOf(':'));
            for (String publisher : names) {
                Optional<MemberSnapshot> owner = latest.values().stream()
                        .filter(a -> ownsAccount(a.snapshot(), platform, publisher)).findFirst();
                if (owner.isEmpty()) {
                    rows.add(new PackageRow(subject, publisher, Optional.empty(), Cell.notAudited(), Cell.notAudited(),
                            Optional.empty()));
                    continue;
                }
                Map<Aspect, Cell> cells = rows(owner.get().member(), owner.get().snapshot().report()).stream()
                        .filter(r -> r.platform().equals(platform)).findFirst().map(PersonRow::cells)
                        .orElse(Map.of());
                rows.add(new PackageRow(subject, publisher, Optional.of(owner.get().member()),
                        cells.getOrDefault(Aspect.SECOND_FACTOR, Cell.notAudited()),
                        cells.getOrDefault(Aspect.LONG_LIVED_TOKENS, Cell.notAudited()),
                        Optional.of(owner.get().snapshot().report().score())));
            }
        });
        return rows;
    }

    /** Whether the snapshot's audit was of this registry account (its targets or its account findings). */
    private static boolean ownsAccount(VerifiedSnapshot s, String platform, String account) {
        String target = platform + "-user:" + account;
        if (s.targets().stream().anyMatch(t -> t.equalsIgnoreCase(target))) {
            return true;
        }
        String subject = platform + ":~" + account;
        return s.report().findings().stream().anyMatch(f -> f.subject().equalsIgnoreCase(subject)
                && Aspect.SECOND_FACTOR.checks().contains(f.check()));
    }

    /** For tests and writers: the rows of one member. */
    public Map<String, PersonRow> rowsOf(String member) {
        Map<String, PersonRow> out = new LinkedHashMap<>();
        people.stream().filter(r -> r.member().equals(member)).forEach(r -> out.put(r.platform(), r));
        return out;
    }
}
