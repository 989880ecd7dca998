package dev.hardening.auditor.core.facts;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.Platform;
import java.util.Collection;
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
import java.util.function.Consumer;

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
 *
 * <p>Reading ahead ({@link #prefetch}, {@link #readAhead}) runs ordinary lookups on the audit's
 * {@link ReadAheadLanes}: a fact is still collected by whichever thread asks for it first, and a
 * caller only ever waits for a collection that a running thread is doing, never for a task in a
 * queue. So the set of facts collected is the same with or without reading ahead, a full lane
 * cannot deadlock a collector that reads other facts, and a failure read ahead is kept like any
 * other outcome and shows only to whoever reads that fact.
 */
public final class MemoizedFacts implements Facts {
    private final CollectorRegistry collectors;
    private final BooleanSupplier cancelled;
    private final ConcurrentMap<FactKey<?>, CompletableFuture<Fact<?>>> cache = new ConcurrentHashMap<>();
    private final AtomicInteger collections = new AtomicInteger();
    /** The keys each thread is collecting right now, to detect a collector waiting for itself. */
    private final ThreadLocal<Set<FactKey<?>>> collecting = ThreadLocal.withInitial(HashSet::new);
    /** Where reading ahead runs; null: it does not (each fact is collected when it is read). */
    private final ReadAheadLanes lanes;
    /** Told each time a fact's outcome is kept (the engine's measure of an audit's progress). */
    private final Runnable onCollected;
    /** Told around waits for a collection another thread is doing. */
    private final FactWaits waits;
    /** Keys already handed to {@link #prefetch}, so that many checks hinting the same keys queue them once. */
    private final Set<FactKey<?>> prefetched = ConcurrentHashMap.newKeySet();

    public MemoizedFacts(CollectorRegistry collectors, BooleanSupplier cancelled, ReadAheadLanes lanes, Runnable onCollected,
                         FactWaits waits) {
        this.collectors = collectors;
        this.cancelled = cancelled;
        this.lanes = lanes;
        this.onCollected = onCollected;
        this.waits = waits;
    }

    public MemoizedFacts(CollectorRegistry collectors, BooleanSupplier cancelled, ReadAheadLanes lanes, Runnable onCollected) {
        this(collectors, cancelled, lanes, onCollected, FactWaits.NONE);
    }

    public MemoizedFacts(CollectorRegistry collectors, BooleanSupplier cancelled) {
        this(collectors, cancelled, null, () -> { });
    }

    public MemoizedFacts(CollectorRegistry collectors) {
        this(collectors, () -> false);
    }

    @Override
    public void prefetch(Collection<? extends FactKey<?>> keys) {
        if (lanes == null) {
            return;
        }
        for (FactKey<?> key : keys) {
            if (!cache.containsKey(key) && prefetched.add(key)) {
                lanes.execute(key.lane(), () -> ahead(() -> lookup(key)));
            }
        }
    }

    @Override
    public <S> void readAhead(Platform lane, Collection<? extends S> subjects, Consumer<? super S> read) {
        if (lanes == null) {
            return;
        }
        for (S subject : subjects) {
            lanes.execute(lane.id(), () -> ahead(() -> read.accept(subject)));
        }
    }

    /** Runs a read ahead of need; its outcome is of no interest here (the facts it read are kept). */
    private void ahead(Runnable read) {
        if (cancelled.getAsBoolean() || Thread.currentThread().isInterrupted()) {
            return;
        }
        try {
            read.run();
        } catch (VirtualMachineError fatal) {
            throw fatal;
        } catch (Throwable discarded) {
            // A missing fact or a failing pure function: whoever reads it for real sees the same.
        }
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
                boolean waiting = !existing.isDone();
                if (waiting) {
                    waits.waiting();
                }
                try {
                    return (Fact<T>) existing.join();
                } catch (CompletionException | CancellationException abandoned) {
                    continue;
                } finally {
                    if (waiting) {
                        waits.resumed();
                    }
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
            notifyCollected();
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

    private void notifyCollected() {
        try {
            onCollected.run();
        } catch (RuntimeException ignored) {
            // Progress reporting must not break a collection.
        }
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
