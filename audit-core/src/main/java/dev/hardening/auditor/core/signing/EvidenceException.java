package dev.hardening.auditor.core.signing;

/** A signed snapshot was refused; the message is the reason, fit to show as it is. */
public final class EvidenceException extends Exception {
    public EvidenceException(String message) {
        super(message, null, false, false);
    }
}
