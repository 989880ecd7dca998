package dev.hardening.auditor.core.model;

/** The verdict of one finding. */
public enum Status {
    /** Evidence shows the item is hardened. */
    PASS,
    /** Evidence shows the item is exploitable or missing. */
    FAIL,
    /** Evidence shows a weakness short of a failure. */
    WARN,
    /** Could not be determined; the finding says why and what would let the check run. */
    UNKNOWN,
    /** Self-declared by the user (the platforms do not expose it). */
    ATTESTED,
    /** The check does not apply to this subject. */
    NOT_APPLICABLE;

    /** Whether this status calls for action by the user. */
    public boolean needsAction() {
        return this == FAIL || this == WARN;
    }
}
