package dev.hardening.auditor.checks.github.signedcommits;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.checks.support.GitHubLogins;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubRecentCommits;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code github.signed-commits}: the share of the user's recent commits (default branches of their
 * own repositories, a bounded number) that GitHub shows as verified, and why the others are not.
 * At least 90% verified with the rest merely unsigned PASS; a broken signature (unknown or expired
 * key, bad email, invalid) or 50-90% verified WARN; under half FAIL.
 */
public final class SignedCommitsCheck implements Check {
    static final double PASS_SHARE = 0.9;
    static final double WARN_SHARE = 0.5;
    static final int SHOWN_COMMITS = 3;
    /** Reasons that mean "not signed", as opposed to a signature that is there and failed. */
    private static final Set<String> NOT_SIGNED = Set.of("unsigned", "unknown");

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(ReadAhead.each(context, Platform.GITHUB, GitHubLogins.audited(context), login -> evaluate(context, login)));
        return findings;
    }

    private static Finding evaluate(CheckContext context, String login) {
        String subject = "github:" + login;
        Fact<GitHubRecentCommits> fact = context.facts().lookup(GitHubFacts.recentCommits(login));
        if (fact instanceof Fact.Unavailable<GitHubRecentCommits> u) {
            return context.unknown(subject, u.unavailability());
        }
        GitHubRecentCommits recent = ((Fact.Available<GitHubRecentCommits>) fact).value();
        List<GitHubAuthoredCommit> own = recent.commits().stream()
                .filter(c -> c.authorLogin().map(login::equalsIgnoreCase).orElse(false)).toList();
        String source = "GET /repos/{owner}/{repo}/commits?author=" + login;
        if (own.isEmpty()) {
            if (!recent.gaps().isEmpty()) {
                Unavailability gap = recent.gaps().get(0);
                return context.unknown(subject, "No recent commit of " + login + " could be read: " + gap.reason(), gap.needed());
            }
            return context.notApplicable(subject, "No recent commits of " + login + " were found on the default branches of "
                    + recent.repositories().size() + " public repositories they own.");
        }
        long verified = own.stream().filter(c -> c.verification().verified()).count();
        Map<String, List<String>> unverified = new LinkedHashMap<>();
        own.stream().filter(c -> !c.verification().verified()).forEach(c -> unverified
                .computeIfAbsent(c.verification().reason(), r -> new ArrayList<>()).add(c.repo() + "@" + shortSha(c.sha())));
        double share = (double) verified / own.size();
        String ratio = verified + " of " + own.size() + " (" + Math.round(share * 100) + "%)";

        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("verified commits", ratio, source));
        unverified.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).forEach(e ->
                evidence.add(Evidence.of("not verified: " + e.getKey(), e.getValue().size() + ": "
                        + GitHubLogins.listed(e.getValue(), SHOWN_COMMITS), source)));
        evidence.add(Evidence.of("repositories read", GitHubLogins.listed(recent.repositories(), 10), source));
        recent.gaps().forEach(g -> evidence.add(Evidence.of("not read", g.reason(), source)));

        List<String> broken = unverified.keySet().stream().filter(r -> !NOT_SIGNED.contains(r)).toList();
        String reasons = unverified.isEmpty() ? "" : " Not verified: " + String.join(", ", unverified.entrySet().stream()
                .map(e -> e.getValue().size() + " " + e.getKey()).toList()) + ".";
        if (share < WARN_SHARE) {
            return context.fail(subject, "Only " + ratio + " of " + login + "'s recent commits are verified: commits in "
                    + login + "'s name cannot be told apart from forged ones." + reasons, evidence);
        }
        if (share < PASS_SHARE || !broken.isEmpty()) {
            return context.warn(subject, ratio + " of " + login + "'s recent commits are verified." + reasons
                    + (broken.isEmpty() ? "" : " A signature that is there but fails (" + String.join(", ", broken)
                    + ") points to a key that is unknown to GitHub, expired or not matching the commit address."), evidence);
        }
        if (!recent.gaps().isEmpty()) {
            Unavailability gap = recent.gaps().get(0);
            return context.finding(Status.UNKNOWN, subject, ratio + " of the commits read are verified, but not every "
                    + "repository could be read: " + gap.reason(), gap.needed(), evidence);
        }
        return context.pass(subject, ratio + " of " + login + "'s recent commits are verified." + reasons, evidence);
    }

    private static String shortSha(String sha) {
        return sha.length() > 7 ? sha.substring(0, 7) : sha;
    }
}
