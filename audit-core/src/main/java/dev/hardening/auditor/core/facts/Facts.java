package dev.hardening.auditor.core.facts;

import dev.hardening.auditor.core.model.Platform;
import java.util.Collection;
import java.util.function.Consumer;

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

    /**
     * A hint that these facts will be read soon: the audit may start collecting them in the
     * background, several at once. Changes nothing about what is collected or what
     * {@link #lookup} answers; a failure shows only when the fact is read. By default nothing
     * happens (the facts of a test are at hand).
     */
    default void prefetch(Collection<? extends FactKey<?>> keys) {
    }

    /**
     * A hint that {@code read} will be run for each subject, in order: the audit may run it ahead,
     * on background threads of the {@code lane} platform, so that the facts it reads are being
     * collected, several at once, before the caller gets to them. {@code read} must be a pure
     * function of facts (the same reads the caller will make itself), since what it returns or
     * throws is discarded; only the facts it read stay. By default nothing happens.
     */
    default <S> void readAhead(Platform lane, Collection<? extends S> subjects, Consumer<? super S> read) {
    }
}
