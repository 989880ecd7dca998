package dev.hardening.auditor.core.model;

import java.util.List;
import java.util.Objects;

/**
 * One item of the hardening checklist: a verdict about one subject, the evidence behind it, and
 * what to do about it.
 *
 * @param check       id of the check that produced it
 * @param status      the verdict
 * @param severity    how bad it is when it needs action
 * @param stage       the check's stage
 * @param subject     what the verdict is about, e.g. {@code github:octocat} or {@code npm:left-pad}
 * @param title       the check's title
 * @param message     one sentence about this subject; for UNKNOWN, the reason
 * @param needed      for UNKNOWN: what would let the check run (a token, a permission); else empty
 * @param evidence    the observations behind the verdict
 * @param remediation the steps to fix it
 * @param references  supporting documents
 */
public record Finding(
        String check,
        Status status,
        Severity severity,
        Stage stage,
        String subject,
        String title,
        String message,
        String needed,
        List<Evidence> evidence,
        List<RemediationStep> remediation,
        List<Reference> references) {

    public Finding {
        Objects.requireNonNull(check, "check");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(stage, "stage");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(message, "message");
        needed = needed == null ? "" : needed;
        evidence = List.copyOf(evidence);
        remediation = List.copyOf(remediation);
        references = List.copyOf(references);
    }

    /** A copy with another status and message, e.g. when the engine downgrades an unsupported PASS. */
    public Finding withVerdict(Status newStatus, String newMessage, String newNeeded) {
        return new Finding(check, newStatus, severity, stage, subject, title, newMessage, newNeeded,
                evidence, remediation, references);
    }

    /** A copy with another severity, for findings worse or milder than the check's default. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(check, status, newSeverity, stage, subject, title, message, needed,
                evidence, remediation, references);
    }
}
