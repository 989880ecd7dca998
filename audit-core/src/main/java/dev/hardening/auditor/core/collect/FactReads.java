package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.Unavailability;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** For collectors that gather from several facts: use what is there, keep a gap for what is not. */
final class FactReads {
    private FactReads() {
    }

    static <T> void read(Facts facts, FactKey<T> key, List<Unavailability> gaps, Consumer<T> use) {
        Fact<T> fact = facts.lookup(key);
        Optional<T> value = fact.valueIfAvailable();
        if (value.isPresent()) {
            use.accept(value.get());
        } else if (fact instanceof Fact.Unavailable<T> u) {
            gaps.add(u.unavailability());
        }
    }
}
