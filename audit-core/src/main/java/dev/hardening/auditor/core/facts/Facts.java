package dev.hardening.auditor.core.facts;

/**
 * Read access to the facts of one audit. Collected lazily, each key at most once, and shared by
 * all checks. Checks see only this interface, so tests hand them plain data (see
 * {@code FakeFacts} in the test jar).
 */
public interface Facts {

    /** The fact, or why it could not be collected. Never throws for a missing fact. */
    <T> Fact<T> lookup(FactKey<T> key);

    /** The fact's value; throws {@link FactUnavailableException} (which the engine turns into UNKNOWN). */
    default <T> T require(FactKey<T> key) {
        Fact<T> fact = lookup(key);
        if (fact instanceof Fact.Available<T> available) {
            return available.value();
        }
        throw new FactUnavailableException(key, ((Fact.Unavailable<T>) fact).unavailability());
    }
}
