package dev.hardening.auditor.core.facts;

/**
 * Produces the fact for a key, usually by calling one API client. Collectors know nothing about
 * verdicts. They may read other facts (memoised like any other) through {@code facts}.
 */
@FunctionalInterface
public interface Collector<T> {
    T collect(FactKey<T> key, Facts facts) throws CollectionException;
}
