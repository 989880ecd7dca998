package dev.hardening.auditor.core.signing;

import dev.hardening.auditor.core.report.AuditReport;
import java.time.Instant;
import java.util.List;

/**
 * A snapshot whose signature checked out against a trusted key.
 *
 * @param keyId        the key that signed it
 * @param snapshotId   its id in the signer's own snapshot database
 * @param takenAt      when the audit ran
 * @param takenBy      who ran it ({@code user@host})
 * @param toolVersion  the auditor's version
 * @param policySha256 hash of the policy the audit was judged against, or empty
 * @param targets      what was audited
 * @param report       the full report
 */
public record VerifiedSnapshot(String keyId, long snapshotId, Instant takenAt, String takenBy, String toolVersion,
                               String policySha256, List<String> targets, AuditReport report) {
    public VerifiedSnapshot {
        targets = List.copyOf(targets);
    }
}
