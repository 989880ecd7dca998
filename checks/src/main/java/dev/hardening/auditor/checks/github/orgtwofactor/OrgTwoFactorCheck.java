package dev.hardening.auditor.checks.github.orgtwofactor;

import dev.hardening.auditor.checks.support.AccountNames;
import dev.hardening.auditor.checks.support.GitHubLogins;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubOrg;
import dev.hardening.auditor.core.facts.github.GitHubOrgPeople;
import dev.hardening.auditor.core.facts.github.MemberFilter;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code github.org-2fa}: whether the organisation requires two-factor authentication
 * ({@code two_factor_requirement_enabled} of {@code GET /orgs/{org}}, shown to members only) and, for
 * its owners, who has no second factor ({@code ?filter=2fa_disabled}) or only SMS
 * ({@code ?filter=2fa_insecure}) among members and outside collaborators.
 *
 * <p>Not required FAIL; someone without 2FA FAIL; someone on SMS WARN; all on stronger factors PASS.
 * A PASS needs all four owner-only lists: without them the verdict is UNKNOWN, naming the role.
 */
public final class OrgTwoFactorCheck implements Check {
    static final int SHOWN_LOGINS = 10;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        for (String org : AccountNames.distinctIgnoringCase(context.targets().githubOrgs())) {
            findings.add(evaluate(context, org));
        }
        return findings;
    }

    /** One of the four owner-only lists: what it holds, or why it could not be read. */
    private record PeopleList(String label, String source, Optional<GitHubOrgPeople> people, Optional<Unavailability> why) {
        static PeopleList read(CheckContext context, String org, MemberFilter filter, boolean outside) {
            Fact<GitHubOrgPeople> fact = context.facts().lookup(outside
                    ? GitHubFacts.orgOutsideCollaborators(org, filter) : GitHubFacts.orgMembers(org, filter));
            String who = outside ? "outside collaborators" : "members";
            String label = who + (filter == MemberFilter.TWO_FA_DISABLED ? " without 2FA" : " with SMS as their only second factor");
            String source = "GET /orgs/" + org + "/" + (outside ? "outside_collaborators" : "members") + "?filter=" + filter.query();
            return new PeopleList(label, source, fact.valueIfAvailable(),
                    fact instanceof Fact.Unavailable<GitHubOrgPeople> u ? Optional.of(u.unavailability()) : Optional.empty());
        }

        List<String> logins() {
            return people.map(GitHubOrgPeople::logins).orElse(List.of());
        }

        Optional<Evidence> evidence() {
            return people.map(p -> Evidence.of(label, p.logins().isEmpty() ? "none"
                    : p.logins().size() + ": " + GitHubLogins.listed(p.logins(), SHOWN_LOGINS), source));
        }
    }

    private static Finding evaluate(CheckContext context, String org) {
        String subject = "github-org:" + org;
        Fact<GitHubOrg> orgFact = context.facts().lookup(GitHubFacts.org(org));
        if (orgFact instanceof Fact.Unavailable<GitHubOrg> u) {
            return context.unknown(subject, u.unavailability());
        }
        Optional<Boolean> required = ((Fact.Available<GitHubOrg>) orgFact).value().twoFactorRequirementEnabled();
        List<Evidence> evidence = new ArrayList<>();
        String orgSource = "GET /orgs/" + org;
        if (required.isEmpty()) {
            // Not a member: the owner-only lists would be refused too, so they are not requested.
            return context.unknown(subject, "GitHub shows whether " + org + " requires two-factor authentication only to "
                            + "its members, and who lacks it only to its owners.", GitHubFacts.ORG_OWNER_NEEDED,
                    Evidence.of("two_factor_requirement_enabled", "not in the response (not a member)", orgSource));
        }
        evidence.add(Evidence.of("two_factor_requirement_enabled", required.get(), orgSource));

        List<PeopleList> disabled = new ArrayList<>();
        disabled.add(PeopleList.read(context, org, MemberFilter.TWO_FA_DISABLED, false));
        boolean owner = disabled.get(0).why().map(OrgTwoFactorCheck::isPermission).map(p -> !p).orElse(true);
        if (owner) {
            disabled.add(PeopleList.read(context, org, MemberFilter.TWO_FA_DISABLED, true));
        }
        disabled.forEach(l -> l.evidence().ifPresent(evidence::add));
        Set<String> withoutTwoFactor = new LinkedHashSet<>();
        disabled.forEach(l -> withoutTwoFactor.addAll(l.logins()));

        if (!required.get()) {
            return context.fail(subject, org + " does not require two-factor authentication: any member or outside "
                    + "collaborator whose password leaks can be signed in as, and push to its repositories."
                    + (withoutTwoFactor.isEmpty() ? "" : " " + people(withoutTwoFactor) + " " + (withoutTwoFactor.size() == 1
                    ? "has" : "have") + " no second factor now; turning the requirement on removes them from the organisation."),
                    evidence);
        }
        // An owner also gets who relies on SMS, even when the verdict is already a FAIL: it is part of the fix.
        List<PeopleList> insecure = owner
                ? List.of(PeopleList.read(context, org, MemberFilter.TWO_FA_INSECURE, false),
                        PeopleList.read(context, org, MemberFilter.TWO_FA_INSECURE, true))
                : List.of();
        insecure.forEach(l -> l.evidence().ifPresent(evidence::add));
        Set<String> sms = new LinkedHashSet<>();
        insecure.forEach(l -> sms.addAll(l.logins()));
        if (!withoutTwoFactor.isEmpty()) {
            return context.fail(subject, org + " requires two-factor authentication, yet " + people(withoutTwoFactor)
                    + (withoutTwoFactor.size() == 1 ? " has" : " have") + " none (a pending invitation or a collaborator "
                    + "added before the requirement)." + (sms.isEmpty() ? "" : " " + capitalised(people(sms))
                    + (sms.size() == 1 ? " relies" : " rely") + " on SMS."), evidence);
        }
        Optional<Unavailability> missing = firstMissing(disabled);
        if (!owner || missing.isPresent()) {
            Unavailability why = missing.orElseThrow();
            return context.finding(Status.UNKNOWN, subject, org + " requires two-factor authentication, but who has none "
                    + "or relies on SMS could not be read: " + why.reason(), neededFor(why), evidence);
        }
        if (!sms.isEmpty()) {
            return context.warn(subject, org + " requires two-factor authentication, but " + people(sms)
                    + (sms.size() == 1 ? " relies" : " rely") + " on SMS, which SIM swapping and phishing defeat.", evidence);
        }
        Optional<Unavailability> missingSms = firstMissing(insecure);
        if (missingSms.isPresent()) {
            return context.finding(Status.UNKNOWN, subject, org + " requires two-factor authentication and everyone has it, "
                    + "but who relies on SMS could not be read: " + missingSms.get().reason(), neededFor(missingSms.get()), evidence);
        }
        return context.pass(subject, org + " requires two-factor authentication, and no member or outside collaborator "
                + "is without it or on SMS alone.", evidence);
    }

    private static Optional<Unavailability> firstMissing(List<PeopleList> lists) {
        return lists.stream().flatMap(l -> l.why().stream()).findFirst();
    }

    private static boolean isPermission(Unavailability why) {
        return why.cause() == Unavailability.Cause.FORBIDDEN || why.cause() == Unavailability.Cause.NO_CREDENTIAL
                || why.cause() == Unavailability.Cause.UNAUTHORIZED;
    }

    private static String neededFor(Unavailability why) {
        return isPermission(why) ? GitHubFacts.ORG_OWNER_NEEDED : why.needed();
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String people(Set<String> logins) {
        return (logins.size() == 1 ? "1 person (" : logins.size() + " people (")
                + GitHubLogins.listed(List.copyOf(logins), SHOWN_LOGINS) + ")";
    }
}
