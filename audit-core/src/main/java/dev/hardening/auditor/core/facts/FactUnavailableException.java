package dev.hardening.auditor.core.facts;

/**
 * Thrown by {@link Facts#require} when a fact could not be collected. The engine turns it into an
 * UNKNOWN finding; checks that produce several findings may catch it to report one subject as
 * UNKNOWN and go on with the others.
 */
public final class FactUnavailableException extends RuntimeException {
    private final transient FactKey<?> key;
    private final Unavailability unavailability;

    public FactUnavailableException(FactKey<?> key, Unavailability unavailability) {
        super(unavailability.reason(), null, false, false);
        this.key = key;
        this.unavailability = unavailability;
    }

    public FactKey<?> key() {
        return key;
    }

    public Unavailability unavailability() {
        return unavailability;
    }
}
