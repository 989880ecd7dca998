package dev.hardening.auditor.checks.github.commitemail;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.checks.support.GitHubLogins;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubEmail;
import dev.hardening.auditor.core.facts.github.GitHubEmails;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubPublicEvents;
import dev.hardening.auditor.core.facts.github.GitHubPushedCommit;
import dev.hardening.auditor.core.facts.github.GitHubRecentCommits;
import dev.hardening.auditor.core.facts.github.GitHubUser;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.secrets.Masking;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code github.commit-email-exposure}: personal (non-noreply) addresses of the user in their public
 * commits, from the commits their public {@code PushEvent}s list and from their recent commits on
 * the default branches of their own repositories; and, with their own token, whether
 * {@code GET /user/emails} marks the primary address private. Addresses appear masked.
 *
 * <p>A push can carry other people's commits (merged from upstream), and a push event gives only
 * git's author name and address, so a pushed commit counts as the user's when its address is one of
 * theirs (their profile, their {@code GET /user/emails}, or linked to their login on a commit) or
 * its author name is their login or profile name.
 */
public final class CommitEmailExposureCheck implements Check {
    static final int SHOWN_COMMITS = 3;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(ReadAhead.each(context, Platform.GITHUB, GitHubLogins.audited(context), login -> evaluate(context, login)));
        return findings;
    }

    /** Where one address was seen: commit references per source. */
    private static final class Sightings {
        final List<String> pushed = new ArrayList<>();
        final List<String> committed = new ArrayList<>();
    }

    private static Finding evaluate(CheckContext context, String login) {
        String subject = "github:" + login;
        Fact<GitHubPublicEvents> eventsFact = context.facts().lookup(GitHubFacts.publicEvents(login));
        Fact<GitHubRecentCommits> commitsFact = context.facts().lookup(GitHubFacts.recentCommits(login));
        Optional<GitHubUser> profile = context.facts().lookup(GitHubFacts.user(login)).valueIfAvailable();
        Fact<GitHubEmails> emailsFact = GitHubLogins.isTokenOwner(context, login)
                ? context.facts().lookup(GitHubFacts.EMAILS) : null;
        Optional<GitHubEmails> emails = emailsFact == null ? Optional.empty() : emailsFact.valueIfAvailable();

        Set<String> ownAddresses = new HashSet<>();
        emails.ifPresent(e -> e.addresses().forEach(a -> ownAddresses.add(lower(a.address()))));
        profile.flatMap(GitHubUser::publicEmail).ifPresent(a -> ownAddresses.add(lower(a)));
        Set<String> ownNames = new HashSet<>();
        ownNames.add(lower(login));
        profile.map(GitHubUser::name).filter(n -> !n.isBlank()).ifPresent(n -> ownNames.add(lower(n)));

        Map<String, Sightings> exposed = new LinkedHashMap<>();
        int ownCommits = 0;
        Set<String> counted = new LinkedHashSet<>();
        Optional<GitHubRecentCommits> recent = commitsFact.valueIfAvailable();
        if (recent.isPresent()) {
            for (GitHubAuthoredCommit c : recent.get().commits()) {
                String ref = c.repo() + "@" + shortSha(c.sha());
                if (isLogin(c.authorLogin(), login)) {
                    ownAddresses.add(lower(c.authorEmail()));
                    ownCommits += counted.add(c.sha()) ? 1 : 0;
                    see(exposed, c.authorEmail(), ref, false);
                }
                if (isLogin(c.committerLogin(), login)) {
                    see(exposed, c.committerEmail(), ref, false);
                }
            }
        }
        Optional<GitHubPublicEvents> events = eventsFact.valueIfAvailable();
        if (events.isPresent()) {
            for (GitHubPushedCommit c : events.get().commits()) {
                boolean own = ownAddresses.contains(lower(c.authorEmail())) || ownNames.contains(lower(c.authorName()));
                if (own) {
                    ownCommits += counted.add(c.sha()) ? 1 : 0;
                    see(exposed, c.authorEmail(), c.repo() + "@" + shortSha(c.sha()), true);
                }
            }
        }

        List<Evidence> evidence = new ArrayList<>();
        String eventsSource = "GET /users/" + login + "/events/public (PushEvent)";
        String commitsSource = "GET /repos/{owner}/{repo}/commits?author=" + login;
        exposed.forEach((address, seen) -> {
            String label = "personal address " + Masking.email(address);
            if (!seen.pushed.isEmpty()) {
                evidence.add(Evidence.of(label, commits(seen.pushed), eventsSource));
            }
            if (!seen.committed.isEmpty()) {
                evidence.add(Evidence.of(label, commits(seen.committed), commitsSource));
            }
        });
        Optional<GitHubEmail> primary = emails.flatMap(GitHubEmails::primary);
        primary.ifPresent(p -> evidence.add(Evidence.of("primary address " + Masking.email(p.address()) + " visibility",
                p.visibility().orElse("not set"), "GET /user/emails")));
        events.ifPresent(e -> evidence.add(Evidence.of("public events read", e.events() + " (" + e.pushEvents()
                + " pushes" + (e.pushEventsWithoutCommits() > 0 ? ", " + e.pushEventsWithoutCommits()
                + " without a commit list" : "") + ")", "GET /users/" + login + "/events/public")));
        recent.ifPresent(r -> evidence.add(Evidence.of("recent commits read", r.commits().size() + " in "
                + r.repositories().size() + " repositories", commitsSource)));

        if (!exposed.isEmpty()) {
            return context.fail(subject, exposed.size() + (exposed.size() == 1 ? " personal address of " + login + " appears"
                    : " personal addresses of " + login + " appear") + " in public commits (" + String.join(", ", exposed.keySet().stream()
                    .map(Masking::email).toList()) + "). Anyone can collect them from the API to aim phishing at you, "
                    + "and an address whose domain lapses lets its next owner reset your passwords.", evidence);
        }
        Optional<Unavailability> gap = firstGap(eventsFact, commitsFact);
        if (gap.isPresent()) {
            return context.finding(Status.UNKNOWN, subject,
                    "Not every public commit of " + login + " could be read, and none of those read exposes a personal "
                            + "address: " + gap.get().reason(), gap.get().needed(), evidence);
        }
        if (primary.isPresent() && !primary.get().visibility().orElse("").equals("private")) {
            return context.warn(subject, "No personal address of " + login + " appears in " + ownCommits
                    + " recent public commits, but the primary address is not kept private: commits made on github.com "
                    + "(web edits, merges) carry it.", evidence);
        }
        String tokenNote = primary.isPresent() ? " The primary address is kept private."
                : " " + whatATokenAdds(login, emailsFact);
        if (ownCommits == 0) {
            if (primary.isPresent()) {
                return context.pass(subject, "No recent public commits of " + login + " expose an address." + tokenNote, evidence);
            }
            return context.notApplicable(subject, "No recent public commits of " + login + " were found, so none exposes "
                    + "an address." + tokenNote);
        }
        return context.pass(subject, "No personal address of " + login + " appears in " + ownCommits
                + " recent public commits; they use a noreply address." + tokenNote, evidence);
    }

    private static String whatATokenAdds(String login, Fact<GitHubEmails> emailsFact) {
        String why = emailsFact instanceof Fact.Unavailable<GitHubEmails> u ? " (" + u.unavailability().reason() + ")" : "";
        return "Whether the primary address is kept private was not checked" + why + ": a token of " + login + " with "
                + GitHubFacts.EMAILS_PERMISSION + " would show it.";
    }

    private static Optional<Unavailability> firstGap(Fact<GitHubPublicEvents> events, Fact<GitHubRecentCommits> commits) {
        if (events instanceof Fact.Unavailable<GitHubPublicEvents> u) {
            return Optional.of(u.unavailability());
        }
        if (commits instanceof Fact.Unavailable<GitHubRecentCommits> u) {
            return Optional.of(u.unavailability());
        }
        return commits.valueIfAvailable().flatMap(c -> c.gaps().stream().findFirst());
    }

    private static void see(Map<String, Sightings> exposed, String address, String ref, boolean pushed) {
        if (address == null || address.isBlank() || NoreplyAddresses.isNoreply(address)) {
            return;
        }
        Sightings s = exposed.computeIfAbsent(lower(address), a -> new Sightings());
        List<String> list = pushed ? s.pushed : s.committed;
        if (!list.contains(ref)) {
            list.add(ref);
        }
    }

    private static String commits(List<String> refs) {
        return refs.size() + (refs.size() == 1 ? " commit: " : " commits: ") + GitHubLogins.listed(refs, SHOWN_COMMITS);
    }

    private static boolean isLogin(Optional<String> account, String login) {
        return account.isPresent() && account.get().equalsIgnoreCase(login);
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }

    private static String lower(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
    }
}
