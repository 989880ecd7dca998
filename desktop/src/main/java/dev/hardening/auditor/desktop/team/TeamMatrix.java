package dev.hardening.auditor.desktop.team;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.team.TeamView;
import dev.hardening.auditor.core.team.TeamView.Aspect;
import dev.hardening.auditor.core.team.TeamView.Cell;
import dev.hardening.auditor.desktop.common.StatusDisplay;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The team roll-up ({@link TeamView}) as a matrix: one row per account that can publish (npm or PyPI),
 * one column per package, and per row the badges of the person behind the account — second factor,
 * long-lived tokens, signing keys, breached addresses — plus, per package, whether the account can
 * publish it and when it last did.
 */
public record TeamMatrix(List<String> packages, List<PublisherRow> rows) {
    public TeamMatrix {
        packages = List.copyOf(packages);
        rows = List.copyOf(rows);
    }

    /** A verdict in words with its icon; status empty when the aspect was not audited. */
    public record Badge(Optional<Status> status, String text) {
        static Badge of(Cell cell) {
            return new Badge(cell.worst(), cell.describe());
        }

        static Badge notAudited() {
            return new Badge(Optional.empty(), "not audited");
        }

        /** Icon and words, e.g. {@code ✖ FAIL (seen)}: readable without colour. */
        public String display() {
            return status.map(s -> StatusDisplay.icon(s) + " " + text).orElse("– " + text);
        }
    }

    /**
     * @param platform  {@code npm} or {@code pypi}
     * @param account   the publishing account
     * @param member    the team member behind it, or empty when no self-audit of theirs is known
     * @param publishes per package subject the account can publish: its last publish in words
     */
    public record PublisherRow(String platform, String account, Optional<String> member, Badge secondFactor,
                               Badge longLivedTokens, Badge signing, Badge breached, Map<String, String> publishes) {
        public PublisherRow {
            publishes = Map.copyOf(publishes);
        }

        public String label() {
            return platform + ": " + account;
        }

        /** The cell of one package column: empty when the account cannot publish it. */
        public String publishCell(String packageSubject) {
            String last = publishes.get(packageSubject);
            return last == null ? "" : "✔ publishes · " + last;
        }
    }

    /**
     * @param reports the reports behind the view, where the publishers' last publishes are read
     *                ({@code publishers.roster} evidence)
     */
    public static TeamMatrix of(TeamView view, List<AuditReport> reports) {
        Map<String, String> lastPublish = lastPublishes(reports);
        TreeSet<String> packages = new TreeSet<>();
        Map<String, List<TeamView.PackageRow>> byAccount = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (TeamView.PackageRow p : view.packages()) {
            packages.add(p.subject());
            byAccount.computeIfAbsent(platformOf(p.subject()) + ":" + p.publisher(), k -> new ArrayList<>()).add(p);
        }
        List<PublisherRow> rows = new ArrayList<>();
        byAccount.forEach((key, publishing) -> {
            TeamView.PackageRow first = publishing.get(0);
            String platform = platformOf(first.subject());
            Optional<String> member = publishing.stream().map(TeamView.PackageRow::member).flatMap(Optional::stream).findFirst();
            Map<String, TeamView.PersonRow> person = member.map(view::rowsOf).orElse(Map.of());
            Map<String, String> publishes = new LinkedHashMap<>();
            for (TeamView.PackageRow p : publishing) {
                publishes.put(p.subject(), lastPublish.getOrDefault(p.subject() + "\u0000" + p.publisher().toLowerCase(Locale.ROOT),
                        platform.equals("npm") ? "no hand publish seen" : "last publish not shown by PyPI"));
            }
            rows.add(new PublisherRow(platform, first.publisher(), member,
                    member.isPresent() ? Badge.of(first.secondFactor()) : Badge.notAudited(),
                    member.isPresent() ? Badge.of(first.longLivedTokens()) : Badge.notAudited(),
                    aspect(person, "github", Aspect.SIGNING_KEYS), aspect(person, "email", Aspect.BREACHED_ADDRESSES),
                    publishes));
        });
        return new TeamMatrix(List.copyOf(packages), rows);
    }

    private static Badge aspect(Map<String, TeamView.PersonRow> person, String platform, Aspect aspect) {
        TeamView.PersonRow row = person.get(platform);
        return row == null ? Badge.notAudited() : Badge.of(row.cells().get(aspect));
    }

    private static String platformOf(String subject) {
        int colon = subject.indexOf(':');
        return colon > 0 ? subject.substring(0, colon) : subject;
    }

    /**
     * {@code subject NUL account} to "1.4.2 on 2025-05-01", from the evidence {@code publisher NAME:
     * last published 1.4.2 on 2025-05-01; …} of {@code publishers.roster}.
     */
    static Map<String, String> lastPublishes(List<AuditReport> reports) {
        Map<String, String> out = new TreeMap<>();
        for (AuditReport report : reports) {
            for (Finding f : report.findings()) {
                if (!f.check().equals("publishers.roster")) {
                    continue;
                }
                for (Evidence e : f.evidence()) {
                    if (!e.label().startsWith("publisher ")) {
                        continue;
                    }
                    String account = e.label().substring("publisher ".length()).strip().toLowerCase(Locale.ROOT);
                    String value = e.value();
                    int semicolon = value.indexOf(';');
                    String here = semicolon > 0 ? value.substring(0, semicolon) : value;
                    if (here.startsWith("last published ")) {
                        here = "last " + here.substring("last published ".length());
                    } else if (here.startsWith("has published no version")) {
                        here = "no hand publish";
                    }
                    out.putIfAbsent(f.subject() + "\u0000" + account, here);
                }
            }
        }
        return out;
    }
}
