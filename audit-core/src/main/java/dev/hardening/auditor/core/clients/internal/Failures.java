package dev.hardening.auditor.core.clients.internal;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.http.FetchException;

/** Builds the client-side failures (no credential, not found, bad input) in one place. */
public final class Failures {
    private Failures() {
    }

    /** A fetch that was not attempted, or a failure decided from a response (status 0 when none). */
    public static FetchException of(Cause cause, String reason, String needed, int status) {
        return new FetchException(Unavailability.of(cause, reason, needed), status);
    }

    public static FetchException noCredential(String reason, String needed) {
        return of(Cause.NO_CREDENTIAL, reason, needed, 0);
    }

    public static FetchException notFound(String reason, String needed) {
        return of(Cause.NOT_FOUND, reason, needed, 404);
    }

    /** The user named something that cannot be a valid name on that platform. */
    public static FetchException invalidName(String reason, String needed) {
        return of(Cause.NOT_CONFIGURED, reason, needed, 0);
    }

    public static FetchException malformed(String reason, String needed, int status) {
        return of(Cause.MALFORMED, reason, needed, status);
    }
}
