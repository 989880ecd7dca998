package dev.hardening.auditor.checks.account.mfamethod;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.policy.SecondFactorLevel;
import java.util.Optional;

/**
 * The policy's {@code second-factor} rule for one platform, held against the method in use. The rule
 * only tightens the check: a method below the required level FAILs; one that meets it is judged as
 * without a policy (TOTP still WARNs, because a phishing page can replay a code).
 *
 * @param level the least level the policy requires on the platform
 * @param rule  how the rule is named in findings, e.g. {@code policy team.yaml (second-factor.github)}
 */
record RequiredSecondFactor(SecondFactorLevel level, String rule) {

    static Optional<RequiredSecondFactor> of(CheckContext context, Platform platform) {
        return context.policy().secondFactorFor(platform.id())
                .map(level -> new RequiredSecondFactor(level, context.policy().describe("second-factor." + platform.id())));
    }

    /** The level a method reaches; empty for no second factor at all, which meets no level. */
    static Optional<SecondFactorLevel> levelOf(MfaMethod method) {
        return switch (method) {
            case SECURITY_KEY, PASSKEY -> Optional.of(SecondFactorLevel.PHISHING_RESISTANT);
            case TOTP -> Optional.of(SecondFactorLevel.APP);
            case SMS -> Optional.of(SecondFactorLevel.ENABLED);
            case NONE -> Optional.empty();
        };
    }

    boolean metBy(MfaMethod method) {
        return levelOf(method).map(level::satisfiedBy).orElse(false);
    }

    Evidence evidence() {
        return Evidence.of("required by the policy", level.id() + " (" + describe(level) + ")", rule);
    }

    /** {@code The policy requires a phishing-resistant second factor on GitHub (policy team.yaml (second-factor.github)).} */
    String sentence(Platform platform) {
        return "The team policy requires " + describe(level) + " on " + platform.displayName() + " (" + rule + ").";
    }

    private static String describe(SecondFactorLevel level) {
        return switch (level) {
            case ENABLED -> "a second factor";
            case APP -> "an authenticator app or stronger";
            case PHISHING_RESISTANT -> "a phishing-resistant second factor (security key or passkey)";
        };
    }
}
