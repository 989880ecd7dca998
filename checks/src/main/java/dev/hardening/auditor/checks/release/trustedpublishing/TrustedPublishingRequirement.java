package dev.hardening.auditor.checks.release.trustedpublishing;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.model.Evidence;

/**
 * The policy's {@code release.require-trusted-publishing}: publishing without trusted publishing is a
 * WARN without it, and a FAIL that names the rule with it.
 */
final class TrustedPublishingRequirement {
    static final String KEY = "release.require-trusted-publishing";

    private TrustedPublishingRequirement() {
    }

    static boolean required(CheckContext context) {
        return context.policy().requireTrustedPublishing();
    }

    static Evidence evidence(CheckContext context) {
        return Evidence.of("trusted publishing", "required for every release", context.policy().describe(KEY));
    }

    /** {@code The team policy requires trusted publishing (policy team.yaml (release.require-trusted-publishing))}. */
    static String sentence(CheckContext context) {
        return "The team policy requires trusted publishing (" + context.policy().describe(KEY) + ")";
    }
}
