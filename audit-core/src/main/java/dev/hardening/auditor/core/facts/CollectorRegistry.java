package dev.hardening.auditor.core.facts;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Which collector produces each kind of fact. Built once per audit configuration. */
public final class CollectorRegistry {
    private final Map<String, Registered<?>> byKind = new HashMap<>();

    private record Registered<T>(FactKey<T> prototype, Collector<T> collector) {
    }

    public <T> CollectorRegistry register(FactKey<T> prototype, Collector<T> collector) {
        if (byKind.putIfAbsent(prototype.kind(), new Registered<>(prototype, collector)) != null) {
            throw new IllegalStateException("a collector for " + prototype.kind() + " is already registered");
        }
        return this;
    }

    @SuppressWarnings("unchecked")
    public <T> Optional<Collector<T>> collectorFor(FactKey<T> key) {
        Registered<?> r = byKind.get(key.kind());
        if (r == null) {
            return Optional.empty();
        }
        if (!r.prototype().type().equals(key.type())) {
            throw new IllegalStateException("fact " + key.kind() + " is " + r.prototype().type().getSimpleName()
                    + ", not " + key.type().getSimpleName());
        }
        return Optional.of((Collector<T>) r.collector());
    }
}
