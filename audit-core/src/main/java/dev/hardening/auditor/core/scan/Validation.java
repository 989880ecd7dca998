package dev.hardening.auditor.core.scan;

/** What a rule's offline validator concluded about a candidate. */
public enum Validation {
    /** The format defines a check (a checksum, a structure) and the candidate passes it. */
    VALID,
    /** The format defines a check and the candidate fails it: not a secret the platform issued. */
    INVALID,
    /** The format defines no offline check; the candidate is reported on its shape and entropy alone. */
    UNCHECKED
}
