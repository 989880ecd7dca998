package dev.hardening.auditor.core.model;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A waiver from the policy, as applied to one finding: who accepted the risk, why, and until when.
 * A waived finding keeps its status; while the waiver is {@code active} it does not fail the
 * {@code --fail-on} gate. After the expiry date the waiver is shown as expired and the finding
 * fails again.
 *
 * @param owner         who accepted the risk
 * @param justification why
 * @param expires       the last day (UTC) on which the waiver holds
 * @param active        whether it held at the time of the audit
 */
public record Waiver(String owner, String justification, LocalDate expires, boolean active) {
    public Waiver {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(justification, "justification");
        Objects.requireNonNull(expires, "expires");
    }
}
