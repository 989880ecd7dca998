package dev.hardening.auditor.checks.account.mfamethod;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.attest.AttestationFacts;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.attest.MfaAttestation;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubOrgPeople;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.facts.github.MemberFilter;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmProfile;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.DurationText;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code account.mfa-method}: the second factor protecting each account, per platform. GitHub shows
 * SMS through an organisation's {@code 2fa_insecure} member filter (to its owners): an audited user
 * listed there FAIL. Otherwise the user's declaration decides: security key or passkey ATTESTED,
 * TOTP WARN (phishable), SMS or none FAIL, each with the date it was declared; a declaration older
 * than the period (the policy's {@code attestations.max-age}, else 180 days) or none at all UNKNOWN,
 * asking to declare again. With a policy {@code second-factor} level for the platform, a seen or declared
 * method below it FAILs and the finding names the rule.
 */
public final class AccountMfaMethodCheck implements Check {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final String ATTEST = "auditor attest --platform %s --method security-key|passkey|totp|sms|none";

    @Override
    public List<Finding> evaluate(CheckContext context) {
        Fact<Attestations> fact = context.facts().lookup(AttestationFacts.ATTESTATIONS);
        Attestations attestations = fact.valueIfAvailable().orElse(Attestations.none());
        Optional<String> storeProblem = fact instanceof Fact.Unavailable<Attestations> u
                ? Optional.of(u.unavailability().reason()) : Optional.empty();
        List<Finding> findings = new ArrayList<>();
        for (Platform platform : List.of(Platform.GITHUB, Platform.NPM, Platform.PYPI)) {
            Optional<String> account = accountOn(context, platform, attestations);
            if (account.isEmpty()) {
                continue;
            }
            String subject = platform.id() + ":" + account.get();
            if (platform == Platform.GITHUB) {
                Optional<Finding> sms = githubSms(context, subject);
                if (sms.isPresent()) {
                    findings.add(sms.get());
                    continue;
                }
            }
            findings.add(fromDeclaration(context, platform, subject, attestations.mfaFor(platform), storeProblem));
        }
        return findings;
    }

    /** The account audited on a platform, or empty when the audit does not cover the platform. */
    private static Optional<String> accountOn(CheckContext context, Platform platform, Attestations attestations) {
        switch (platform) {
            case GITHUB -> {
                if (!context.targets().githubUsers().isEmpty()) {
                    return Optional.of(String.join(",", context.targets().githubUsers()));
                }
                Optional<String> viewer = viewerLogin(context);
                if (viewer.isPresent()) {
                    return viewer;
                }
                if (!context.targets().githubOrgs().isEmpty() || attestations.mfaFor(platform).isPresent()) {
                    return Optional.of("you");
                }
            }
            case NPM -> {
                if (context.facts().lookup(NpmFacts.PROFILE) instanceof Fact.Available<NpmProfile> p) {
                    return Optional.of(p.value().name());
                }
                if (!context.targets().npmUsers().isEmpty()) {
                    return Optional.of(String.join(",", context.targets().npmUsers()));
                }
                if (!context.targets().npmPackages().isEmpty() || attestations.mfaFor(platform).isPresent()) {
                    return Optional.of("you");
                }
            }
            case PYPI -> {
                if (!context.targets().pypiUsers().isEmpty()) {
                    return Optional.of(String.join(",", context.targets().pypiUsers()));
                }
                if (!context.targets().pypiProjects().isEmpty() || attestations.mfaFor(platform).isPresent()) {
                    return Optional.of("you");
                }
            }
            default -> {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    private static Optional<String> viewerLogin(CheckContext context) {
        return context.facts().lookup(GitHubFacts.VIEWER) instanceof Fact.Available<GitHubViewer> v
                ? Optional.of(v.value().user().login()) : Optional.empty();
    }

    /** SMS seen by GitHub: an audited login in an audited organisation's {@code 2fa_insecure} list. */
    private static Optional<Finding> githubSms(CheckContext context, String subject) {
        Set<String> logins = new LinkedHashSet<>();
        context.targets().githubUsers().forEach(l -> logins.add(l.toLowerCase(Locale.ROOT)));
        viewerLogin(context).ifPresent(l -> logins.add(l.toLowerCase(Locale.ROOT)));
        if (logins.isEmpty()) {
            return Optional.empty();
        }
        for (String org : context.targets().githubOrgs()) {
            if (context.facts().lookup(GitHubFacts.orgMembers(org, MemberFilter.TWO_FA_INSECURE))
                    instanceof Fact.Available<GitHubOrgPeople> people) {
                for (String member : people.value().logins()) {
                    if (logins.contains(member.toLowerCase(Locale.ROOT))) {
                        List<Evidence> evidence = new ArrayList<>();
                        evidence.add(Evidence.of("second factor", "SMS (insecure)", "GET /orgs/" + org + "/members?filter=2fa_insecure"));
                        Optional<RequiredSecondFactor> required = RequiredSecondFactor.of(context, Platform.GITHUB);
                        required.ifPresent(r -> evidence.add(r.evidence()));
                        String policy = required.filter(r -> !r.metBy(MfaMethod.SMS))
                                .map(r -> " " + r.sentence(Platform.GITHUB)).orElse("");
                        return Optional.of(context.fail(subject, member + " signs in to GitHub with SMS codes, which a SIM swap"
                                + " or a phishing page intercepts; GitHub lists the account among " + org
                                + "'s members with insecure 2FA." + policy, evidence));
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Finding fromDeclaration(CheckContext context, Platform platform, String subject,
                                           Optional<MfaAttestation> declared, Optional<String> storeProblem) {
        String command = String.format(ATTEST, platform.id());
        String name = platform.displayName();
        Optional<RequiredSecondFactor> required = RequiredSecondFactor.of(context, platform);
        if (declared.isEmpty()) {
            String reason = storeProblem.map(p -> "Your declarations could not be read: " + p)
                    .orElse(name + " does not show which second factor an account uses, and none was declared for it.");
            return context.unknown(subject, reason, "declare it: " + command + " (or Attest in the app)",
                    required.map(r -> new Evidence[] {r.evidence()}).orElse(new Evidence[0]));
        }
        MfaAttestation a = declared.get();
        String date = DATE.format(a.attestedAt());
        String source = "your declaration of " + date;
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("second factor", a.method().id() + " (" + a.method().description() + ")", source));
        evidence.add(Evidence.of("declared on", date, source));
        required.ifPresent(r -> evidence.add(r.evidence()));
        Duration period = AttestationPeriod.of(context.policy());
        String trusted = DurationText.describe(period);
        Instant due = a.attestedAt().plus(period);
        if (context.now().isAfter(due)) {
            return context.unknown(subject, "Your declaration for " + name + " dates from " + date + ", more than "
                    + trusted + " ago, so it may no longer hold.", "declare it again: " + command,
                    evidence.toArray(Evidence[]::new));
        }
        evidence.add(Evidence.of("ask again after", DATE.format(due), "declarations are trusted for " + trusted
                + " (" + AttestationPeriod.source(context.policy()) + ")"));
        String pypiNote = platform == Platform.PYPI ? " PyPI has required 2FA since 2024, so the method is what matters." : "";
        Finding byMethod = switch (a.method()) {
            case SECURITY_KEY, PASSKEY -> context.attested(subject, "You declared " + a.method().description() + " for " + name
                    + " on " + date + ": phishing-resistant." + pypiNote, evidence.toArray(Evidence[]::new));
            case TOTP -> context.warn(subject, "You declared TOTP codes for " + name + " on " + date + ": a phishing page can ask"
                    + " for the code and use it at once, as in the chalk and debug takeover of September 2025. Add a"
                    + " security key or passkey." + pypiNote, evidence);
            case SMS -> context.fail(subject, "You declared SMS codes for " + name + " on " + date + ": SIM swaps and phishing"
                    + " pages intercept them. Replace SMS with a security key or passkey." + pypiNote, evidence);
            case NONE -> context.fail(subject, "You declared no second factor for " + name + " on " + date + ": a leaked or"
                    + " reused password is enough to take the account over."
                    + (platform == Platform.PYPI ? " PyPI has required 2FA since 2024: without it the account cannot publish"
                    + " or manage projects." : ""), evidence);
        };
        if (required.isPresent() && !required.get().metBy(a.method())) {
            // Below the team's agreed level: a FAIL whatever the method's own verdict, and the finding says which rule.
            return byMethod.withVerdict(Status.FAIL, byMethod.message() + " " + required.get().sentence(platform), "");
        }
        return byMethod;
    }
}
