package dev.hardening.auditor.core.facts;

/** A collector could not produce its fact; carries the reason shown to the user. */
public class CollectionException extends Exception {
    private final Unavailability unavailability;

    public CollectionException(Unavailability unavailability) {
        super(unavailability.reason());
        this.unavailability = unavailability;
    }

    public CollectionException(Unavailability unavailability, Throwable cause) {
        super(unavailability.reason(), cause);
        this.unavailability = unavailability;
    }

    public Unavailability unavailability() {
        return unavailability;
    }
}
