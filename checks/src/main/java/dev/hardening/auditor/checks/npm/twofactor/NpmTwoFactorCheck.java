package dev.hardening.auditor.checks.npm.twofactor;

import dev.hardening.auditor.checks.support.AccountNames;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmProfile;
import dev.hardening.auditor.core.facts.npm.NpmTwoFactor;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code npm.2fa}: the {@code tfa} setting of the npm account that owns the supplied token
 * ({@code GET /-/npm/v1/user}): off FAIL, {@code auth-only} WARN, {@code auth-and-writes} PASS, a setup
 * never confirmed WARN. npm shows it only to the account itself, so other users named are UNKNOWN.
 */
public final class NpmTwoFactorCheck implements Check {
    static final String SOURCE = "GET /-/npm/v1/user";
    static final String NEEDED_TOKEN = "NPM_TOKEN (read-only granular token)";

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<String> users = AccountNames.distinctIgnoringCase(context.targets().npmUsers());
        Fact<NpmProfile> fact = context.facts().lookup(NpmFacts.PROFILE);
        if (fact instanceof Fact.Unavailable<NpmProfile> unavailable) {
            Unavailability why = unavailable.unavailability();
            String reason = why.cause() == Unavailability.Cause.NO_CREDENTIAL
                    ? "No npm token was supplied, and npm shows the 2FA setting only to the account itself."
                    : why.reason();
            String needed = why.cause() == Unavailability.Cause.NO_CREDENTIAL ? NEEDED_TOKEN : why.needed();
            List<String> subjects = users.isEmpty() ? List.of("npm") : users.stream().map(u -> "npm:~" + u).toList();
            return subjects.stream().map(s -> context.unknown(s, reason, needed)).toList();
        }
        NpmProfile profile = ((Fact.Available<NpmProfile>) fact).value();
        List<Finding> findings = new ArrayList<>();
        // With no npm user named, the token's own account is the one audited.
        if (users.isEmpty() || users.stream().anyMatch(profile.name()::equalsIgnoreCase)) {
            findings.add(verdict(context, profile));
        }
        for (String user : users) {
            if (!user.equalsIgnoreCase(profile.name())) {
                findings.add(context.unknown("npm:~" + user,
                        "npm shows the 2FA setting only to the account itself, and the token belongs to " + profile.name() + ".",
                        "run with " + user + "'s own " + NEEDED_TOKEN));
            }
        }
        return findings;
    }

    private static Finding verdict(CheckContext context, NpmProfile profile) {
        String subject = "npm:~" + profile.name();
        NpmTwoFactor tfa = profile.twoFactor();
        List<Evidence> evidence = List.of(
                Evidence.of("tfa.mode", describe(tfa.mode()), SOURCE),
                Evidence.of("tfa.pending", tfa.pending(), SOURCE));
        if (tfa.mode() == NpmTwoFactor.Mode.UNRECOGNISED) {
            return context.unknown(subject, "npm reported a 2FA mode this version of the auditor does not know.",
                    "an auditor release that knows the new mode, or check with `npm profile get`",
                    evidence.toArray(Evidence[]::new));
        }
        if (tfa.pending()) {
            return context.warn(subject, "Two-factor authentication was started for " + profile.name()
                    + " but never confirmed with a one-time code, so it is not active yet.", evidence);
        }
        return switch (tfa.mode()) {
            case DISABLED -> context.fail(subject, "Two-factor authentication is off for " + profile.name()
                    + ": a leaked or reused password is enough to publish any of the account's packages.", evidence);
            case AUTH_ONLY -> context.warn(subject, "Two-factor authentication protects only sign-in for " + profile.name()
                    + " (auth-only): publishing and changing package settings need no second factor.", evidence);
            default -> context.pass(subject, "Two-factor authentication protects sign-in and publishing for "
                    + profile.name() + " (auth-and-writes).", evidence);
        };
    }

    private static String describe(NpmTwoFactor.Mode mode) {
        return switch (mode) {
            case DISABLED -> "disabled";
            case AUTH_ONLY -> "auth-only";
            case AUTH_AND_WRITES -> "auth-and-writes";
            case UNRECOGNISED -> "unrecognised";
        };
    }
}
