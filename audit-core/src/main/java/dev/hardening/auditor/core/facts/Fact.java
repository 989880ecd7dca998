package dev.hardening.auditor.core.facts;

import java.util.Optional;

/** The outcome of collecting one fact: a value, or the reason there is none. */
public sealed interface Fact<T> {

    record Available<T>(T value) implements Fact<T> {
    }

    record Unavailable<T>(Unavailability unavailability) implements Fact<T> {
    }

    static <T> Fact<T> of(T value) {
        return new Available<>(value);
    }

    static <T> Fact<T> unavailable(Unavailability why) {
        return new Unavailable<>(why);
    }

    default boolean isAvailable() {
        return this instanceof Available;
    }

    default Optional<T> valueIfAvailable() {
        return this instanceof Available<T> a ? Optional.of(a.value()) : Optional.empty();
    }
}
