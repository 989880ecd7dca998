package dev.hardening.auditor.core.check;

import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.Policy;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Everything a check may read, and helpers that build findings carrying its metadata.
 *
 * @param metadata the check's own metadata
 * @param targets  what the audit looks at
 * @param facts    the audit's memoised facts
 * @param policy   the team policy (or {@link Policy#none()})
 * @param clock    the audit's clock, so that tests and the demo world are reproducible
 */
public record CheckContext(CheckMetadata metadata, AuditTargets targets, Facts facts, Policy policy, Clock clock) {

    public CheckContext {
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(facts, "facts");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(clock, "clock");
    }

    public Instant now() {
        return clock.instant();
    }

    public Finding pass(String subject, String message, Evidence... evidence) {
        return finding(Status.PASS, subject, message, "", Arrays.asList(evidence));
    }

    public Finding pass(String subject, String message, List<Evidence> evidence) {
        return finding(Status.PASS, subject, message, "", evidence);
    }

    public Finding fail(String subject, String message, Evidence... evidence) {
        return finding(Status.FAIL, subject, message, "", Arrays.asList(evidence));
    }

    public Finding fail(String subject, String message, List<Evidence> evidence) {
        return finding(Status.FAIL, subject, message, "", evidence);
    }

    public Finding warn(String subject, String message, Evidence... evidence) {
        return finding(Status.WARN, subject, message, "", Arrays.asList(evidence));
    }

    public Finding warn(String subject, String message, List<Evidence> evidence) {
        return finding(Status.WARN, subject, message, "", evidence);
    }

    public Finding attested(String subject, String message, Evidence... evidence) {
        return finding(Status.ATTESTED, subject, message, "", Arrays.asList(evidence));
    }

    public Finding notApplicable(String subject, String message) {
        return finding(Status.NOT_APPLICABLE, subject, message, "", List.of());
    }

    public Finding unknown(String subject, String reason, String needed, Evidence... evidence) {
        return finding(Status.UNKNOWN, subject, reason, needed, Arrays.asList(evidence));
    }

    public Finding unknown(String subject, Unavailability why) {
        return finding(Status.UNKNOWN, subject, why.reason(), why.needed(), List.of());
    }

    public Finding finding(Status status, String subject, String message, String needed, List<Evidence> evidence) {
        return new Finding(metadata.id(), status, metadata.severity(), metadata.stage(), subject,
                metadata.title(), message, needed, evidence, metadata.remediation(), metadata.references());
    }
}
