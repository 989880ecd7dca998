package dev.hardening.auditor.core.workstation;

import dev.hardening.auditor.core.tokens.CredentialKind;

/**
 * A value found where a credential is kept, before it is judged. Lives only during the scan; what
 * outlives it is a fingerprint.
 *
 * @param value        the value as written
 * @param file         the file as shown, or empty for a variable
 * @param line         1-based line, or 0
 * @param variable     the environment variable, or empty
 * @param field        where in the file (key, section), never the value
 * @param target       the host, registry or profile it is for
 * @param fallbackKind what it is when its format is not recognised
 * @param capability   what it opens here, or empty for the kind's own text
 * @param canPublish   whether it can publish here, or null for the kind's own answer
 */
record Candidate(String value, String file, int line, String variable, String field, String target,
                 CredentialKind fallbackKind, String capability, Boolean canPublish) {

    static Candidate inFile(String value, String file, int line, String field, String target, CredentialKind fallbackKind) {
        return new Candidate(value, file, line, "", field, target, fallbackKind, "", null);
    }

    static Candidate inVariable(String value, String variable, String target, CredentialKind fallbackKind) {
        return new Candidate(value, "", 0, variable, "", target, fallbackKind, "", null);
    }

    /** What it opens at this place, overriding the kind's own description. */
    Candidate withCapability(String text, boolean publishes) {
        return new Candidate(value, file, line, variable, field, target, fallbackKind, text, publishes);
    }

    Candidate withValue(String newValue) {
        return new Candidate(newValue, file, line, variable, field, target, fallbackKind, capability, canPublish);
    }

    String location() {
        if (!variable.isEmpty()) {
            return "environment variable " + variable;
        }
        return line > 0 ? file + " line " + line : file;
    }

    @Override
    public String toString() {
        // Never the value.
        return "Candidate[" + location() + ", " + field + "]";
    }
}
