package dev.hardening.auditor.core.facts;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * The facts of one audit. The first caller of a key collects it on its own thread; concurrent
 * callers of the same key wait for that result. Every outcome, failures included, is kept, so a
 * resource is fetched at most once per audit however many checks read it.
 *
 * <p>Two outcomes are not kept, because they say nothing about the fact: a collection that failed
 * because its thread was stopped (the check that started it ran out of time), and one that ended
 * in an {@link Error}. Callers waiting for such a collection try again. A collector that needs its
 * own fact, directly or through others on the same thread, gets an INTERNAL failure instead of
 * waiting for itself forever.
 */
public final class MemoizedFacts implements Facts {
    private final CollectorRegistry collectors;
    private final BooleanSupplier cancelled;
    private final ConcurrentMap<FactKey<?>, CompletableFuture<Fact<?>>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger collections = new AtomicInteger();
    /** The keys each thread is collecting right now, to detect a collector waiting for itself. */
    private final ThreadLocal<Set<FactKey<?>>> collecting = ThreadLocal.withInitial(HashSet::new);

    public MemoizedFacts(CollectorRegistry collectors, BooleanSupplier cancelled) {
        this.collectors = collectors;
        this.cancelled = cancelled;
    }

    public MemoizedFacts(CollectorRegistry collectors) {
        this(collectors, () -> false);
    }

    /** Completes a collection that is not kept; waiting callers try again. */
    private static final class Abandoned extends RuntimeException {
        Abandoned() {
            super("collection abandoned", null, false, false);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> Fact<T> lookup(FactKey<T> key) {
        if (collecting.get().contains(key)) {
            return Fact.unavailable(Unavailability.of(Cause.INTERNAL,
                    "collecting " + key + " needs " + key + " itself", "report the problem"));
        }
        while (true) {
            CompletableFuture<Fact<?>> mine = new CompletableFuture<>();
            CompletableFuture<Fact<?>> existing = cache.putIfAbsent(key, mine);
            if (existing != null) {
                try {
                    return (Fact<T>) existing.join();
                } catch (CompletionException | CancellationException abandoned) {
                    continue;
                }
            }
            Fact<T> result;
            collecting.get().add(key);
            try {
                result = collect(key);
            } catch (Error e) {
                abandon(key, mine);
                throw e;
            } finally {
                collecting.get().remove(key);
            }
            if (stoppedWhileCollecting(result)) {
                abandon(key, mine);
                return result;
            }
            mine.complete(result);
            return result;
        }
    }

    private void abandon(FactKey<?> key, CompletableFuture<Fact<?>> mine) {
        cache.remove(key, mine);
        mine.completeExceptionally(new Abandoned());
    }

    /**
     * Whether a failure comes from this thread being stopped rather than from the source: the
     * thread is interrupted, or the request was cancelled while the audit itself was not.
     */
    private boolean stoppedWhileCollecting(Fact<?> result) {
        if (!(result instanceof Fact.Unavailable<?> failed)) {
            return false;
        }
        return Thread.currentThread().isInterrupted()
                || failed.unavailability().cause() == Cause.CANCELLED && !cancelled.getAsBoolean();
    }

    /** How many distinct facts were collected (for tests of memoisation). */
    public int collectionCount() {
        return collections.get();
    }

    private <T> Fact<T> collect(FactKey<T> key) {
        if (cancelled.getAsBoolean()) {
            return Fact.unavailable(Unavailability.of(Cause.CANCELLED, "the audit was cancelled", "run the audit again"));
        }
        try {
            Optional<Collector<T>> collector = collectors.collectorFor(key);
            if (collector.isEmpty()) {
                return Fact.unavailable(Unavailability.of(Cause.NOT_CONFIGURED,
                        "no collector is configured for " + key.kind(), "a build of the auditor that collects " + key.kind()));
            }
            collections.incrementAndGet();
            T value = collector.get().collect(key, this);
            if (value == null) {
                return Fact.unavailable(Unavailability.of(Cause.INTERNAL,
                        "collector for " + key.kind() + " returned nothing", "report the problem"));
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
