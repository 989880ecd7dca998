package dev.hardening.auditor.core.policy;

import dev.hardening.auditor.core.model.Waiver;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A waiver as written in the policy: the risk of one finding (check id and subject) accepted by an
 * owner, with a justification, until an expiry date.
 *
 * @param check         the check id, e.g. {@code publishers.roster}
 * @param subject       the finding's subject exactly as reported, e.g. {@code npm:left-pad}
 * @param owner         who accepted the risk
 * @param justification why
 * @param expires       the last day (UTC) on which the waiver holds
 */
public record PolicyWaiver(String check, String subject, String owner, String justification, LocalDate expires) {
    public PolicyWaiver {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(expires, "expires");
    }

    /** Holds on its expiry day and stops holding at the first instant of the next day (UTC). */
    public boolean activeAt(Instant now) {
        return !LocalDate.ofInstant(now, ZoneOffset.UTC).isAfter(expires);
    }

    public boolean covers(String checkId, String findingSubject) {
        return check.equals(checkId) && subject.equals(findingSubject);
    }

    public Waiver asAppliedAt(Instant now) {
        return new Waiver(owner, justification, expires, activeAt(now));
    }
}
