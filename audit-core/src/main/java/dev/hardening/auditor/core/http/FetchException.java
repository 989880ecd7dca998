package dev.hardening.auditor.core.http;

import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.Unavailability;

/** A request failed; the message is one clear sentence for the user, never a secret. */
public final class FetchException extends CollectionException {
    private final int status;

    public FetchException(Unavailability unavailability, int status) {
        super(unavailability);
        this.status = status;
    }

    public FetchException(Unavailability unavailability, int status, Throwable cause) {
        super(unavailability, cause);
        this.status = status;
    }

    /** The HTTP status, or 0 when there was no response. */
    public int status() {
        return status;
    }

    public Unavailability.Cause cause() {
        return unavailability().cause();
    }
}
