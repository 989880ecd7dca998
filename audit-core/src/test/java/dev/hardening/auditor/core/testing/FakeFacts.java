package dev.hardening.auditor.core.testing;

import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Facts handed to a check as plain data. A key that was not given is Unavailable with
 * {@link Cause#NOT_CONFIGURED}, as when no collector produces it. Records which keys were read, so
 * tests can prove that a check stays within its budget of lookups.
 */
public final class FakeFacts implements Facts {
    private final Map<FactKey<?>, Fact<?>> facts = new ConcurrentHashMap<>();
    private final Set<FactKey<?>> lookedUp = Collections.synchronizedSet(new LinkedHashSet<>());

    public static FakeFacts none() {
        return new FakeFacts();
    }

    /** Makes {@code key} available with {@code value}. */
    public <T> FakeFacts with(FactKey<T> key, T value) {
        Objects.requireNonNull(value, "value");
        facts.put(key, Fact.of(value));
        return this;
    }

    /** Makes {@code key} unavailable for the given reason. */
    public FakeFacts unavailable(FactKey<?> key, Unavailability why) {
        facts.put(key, Fact.unavailable(why));
        return this;
    }

    /** Makes {@code key} unavailable with a cause and a generic reason. */
    public FakeFacts unavailable(FactKey<?> key, Cause cause) {
        return unavailable(key, Unavailability.of(cause, "test: " + key + " is unavailable (" + cause + ")", "test: what would help"));
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Fact<T> lookup(FactKey<T> key) {
        lookedUp.add(key);
        Fact<?> fact = facts.get(key);
        if (fact == null) {
            return Fact.unavailable(Unavailability.of(Cause.NOT_CONFIGURED,
                    "no fact was given for " + key + " in this test", ""));
        }
        return (Fact<T>) fact;
    }

    /** Every key a check asked for, in order of first lookup. */
    public Set<FactKey<?>> lookedUp() {
        synchronized (lookedUp) {
            return Set.copyOf(lookedUp);
        }
    }

    /** How many distinct keys of the given kind were asked for (e.g. {@code pypi.file-provenance}). */
    public long lookupsOfKind(String kind) {
        synchronized (lookedUp) {
            return lookedUp.stream().filter(k -> k.kind().equals(kind)).count();
        }
    }
}
