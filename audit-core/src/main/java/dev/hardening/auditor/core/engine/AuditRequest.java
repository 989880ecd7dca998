package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.policy.Policy;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * One audit to run.
 *
 * @param targets   what to look at
 * @param platforms the platforms the audit can read (targets plus available credentials); checks
 *                  reading none of them are skipped
 * @param checkIds  the checks to run; empty means every check whose platforms are available
 * @param policy    the team policy
 * @param clock     the audit's clock
 */
public record AuditRequest(AuditTargets targets, Set<Platform> platforms, Set<String> checkIds, Policy policy, Clock clock) {
    public AuditRequest {
        Objects.requireNonNull(targets, "targets");
        platforms = Set.copyOf(platforms);
        checkIds = Set.copyOf(checkIds);
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
    }
}
