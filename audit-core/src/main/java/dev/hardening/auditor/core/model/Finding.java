package dev.hardening.auditor.core.model;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

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
 * @param attributes  machine-readable values for comparing snapshots and team roll-ups, e.g.
 *                    {@code publishers -> [alice, bob]}; never secrets (fingerprints only); may be empty
 * @param waiver      the policy's waiver that applies to this finding, if any
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
        List<Reference> references,
        Map<String, List<String>> attributes,
        Optional<Waiver> waiver) {

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
        TreeMap<String, List<String>> sorted = new TreeMap<>();
        (attributes == null ? Map.<String, List<String>>of() : attributes)
                .forEach((k, v) -> sorted.put(k, List.copyOf(v)));
        attributes = Collections.unmodifiableMap(sorted);
        waiver = waiver == null ? Optional.empty() : waiver;
    }

    /** A finding without attributes or waiver, as checks build them. */
    public Finding(String check, Status status, Severity severity, Stage stage, String subject, String title,
                   String message, String needed, List<Evidence> evidence, List<RemediationStep> remediation,
                   List<Reference> references) {
        this(check, status, severity, stage, subject, title, message, needed, evidence, remediation, references,
                Map.of(), Optional.empty());
    }

    /** A copy with another status and message, e.g. when the engine downgrades an unsupported PASS. */
    public Finding withVerdict(Status newStatus, String newMessage, String newNeeded) {
        return new Finding(check, newStatus, severity, stage, subject, title, newMessage, newNeeded,
                evidence, remediation, references, attributes, waiver);
    }

    /** A copy with another severity, for findings worse or milder than the check's default. */
    public Finding withSeverity(Severity newSeverity) {
        return new Finding(check, status, newSeverity, stage, subject, title, message, needed,
                evidence, remediation, references, attributes, waiver);
    }

    /** A copy with one more machine-readable attribute (replacing one of the same name). */
    public Finding withAttribute(String name, List<String> values) {
        Map<String, List<String>> copy = new TreeMap<>(attributes);
        copy.put(name, values);
        return new Finding(check, status, severity, stage, subject, title, message, needed,
                evidence, remediation, references, copy, waiver);
    }

    /** A copy with the policy's waiver attached. */
    public Finding withWaiver(Waiver newWaiver) {
        return new Finding(check, status, severity, stage, subject, title, message, needed,
                evidence, remediation, references, attributes, Optional.of(newWaiver));
    }

    /** Whether an unexpired waiver covers this finding (it then does not fail the gate). */
    public boolean isWaived() {
        return waiver.map(Waiver::active).orElse(false);
    }
}
