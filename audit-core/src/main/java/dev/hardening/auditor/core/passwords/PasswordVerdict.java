package dev.hardening.auditor.core.passwords;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.engine.StandaloneCheckRunner;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.password.PasswordFacts;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.policy.Policy;
import java.time.Clock;
import java.util.Optional;

/**
 * The {@code password.pwned} check's finding for one password check, with the check's own metadata
 * (message, remediation), as the command line and the app show it.
 */
public final class PasswordVerdict {
    public static final String CHECK_ID = "password.pwned";

    private PasswordVerdict() {
    }

    /** The finding, or empty when the {@code password.pwned} check is not installed. */
    public static Optional<Finding> of(CheckRegistry registry, PwnedPassword result, Clock clock) {
        Optional<RegisteredCheck> check = registry.find(CHECK_ID);
        if (check.isEmpty()) {
            return Optional.empty();
        }
        Facts facts = new Facts() {
            @Override
            @SuppressWarnings("unchecked")
            public <T> Fact<T> lookup(FactKey<T> key) {
                if (key.equals(PasswordFacts.PWNED)) {
                    return (Fact<T>) Fact.of(result);
                }
                return Fact.unavailable(Unavailability.of(Unavailability.Cause.NOT_CONFIGURED, "not part of a password check", ""));
            }
        };
        CheckContext context = new CheckContext(check.get().metadata(), AuditTargets.none(), facts, Policy.none(), clock);
        return StandaloneCheckRunner.run(check.get(), context).stream().findFirst();
    }
}
