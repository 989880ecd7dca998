package dev.hardening.auditor.core.facts;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The facts of one audit. The first caller of a key collects it on its own thread; concurrent
 * callers of the same key wait for that result. Every outcome, failures included, is kept, so a
 * resource is fetched at most once per audit however many checks read it.
 */
public final class MemoizedFacts implements Facts {
    private final CollectorRegistry collectors;
    private final BooleanSupplier cancelled;
    private final ConcurrentMap<FactKey<?>, CompletableFuture<Fact<?>>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger collections = new AtomicInteger();

    public MemoizedFacts(CollectorRegistry collectors, BooleanSupplier cancelled) {
        this.collectors = collectors;
        this.cancelled = cancelled;
    }

    public MemoizedFacts(CollectorRegistry collectors) {
        this(collectors, () -> false);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Fact<T> lookup(FactKey<T> key) {
        CompletableFuture<Fact<?>> mine = new CompletableFuture<>();
        CompletableFuture<Fact<?>> existing = cache.putIfAbsent(key, mine);
        if (existing != null) {
            return (Fact<T>) existing.join();
        }
        Fact<T> result = collect(key);
        mine.complete(result);
        return result;
    }

    /** How many distinct facts were collected (for tests of memoisation). */
    public int collectionCount() {
        return collections.get();
    }

    private <T> Fact<T> collect(FactKey<T> key) {
        if (cancelled.getAsBoolean()) {
            return Fact.unavailable(Unavailability.of(Cause.CANCELLED, "the audit was cancelled", "run the audit again"));
        }
        var collector = collectors.collectorFor(key);
        if (collector.isEmpty()) {
            return Fact.unavailable(Unavailability.of(Cause.NOT_CONFIGURED,
                    "no collector is configured for " + key.kind(), "a build of the auditor that collects " + key.kind()));
        }
        collections.incrementAndGet();
        try {
            T value = collector.get().collect(key, this);
            if (value == null) {
                return Fact.unavailable(Unavailability.of(Cause.INTERNAL,
                        "collector for " + key.kind() + " returned nothing", ""));
            }
            return Fact.of(value);
        } catch (CollectionException e) {
            return Fact.unavailable(e.unavailability());
        } catch (FactUnavailableException e) {
            // A collector that depends on another, unavailable fact.
            return Fact.unavailable(e.unavailability());
        } catch (RuntimeException e) {
            return Fact.unavailable(Unavailability.of(Cause.INTERNAL,
                    "collecting " + key + " failed: " + e.getClass().getSimpleName(),
                    "run with --debug and report the problem"));
        }
    }
}
