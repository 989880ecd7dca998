package dev.hardening.auditor.core.facts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.Platform;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Reading ahead collects facts several at once on the audit's lanes, each still at most once; a
 * failure shows only to whoever reads the fact; shutting the lanes down stops it; nothing deadlocks.
 */
class ReadAheadTest {
    private static final FactKey<Boolean> ITEM = FactKey.of("test.item", Platform.NPM, Boolean.class);
    private static final FactKey<String> OUTER = FactKey.of("test.outer", Platform.NPM, String.class);
    private static final FactKey<String> INNER = FactKey.of("test.inner", Platform.NPM, String.class);
    private static final int N = 6;

    private final List<ReadAheadLanes> lanes = new ArrayList<>();

    @AfterEach
    void stop() {
        lanes.forEach(ReadAheadLanes::shutdownNow);
    }

    private ReadAheadLanes lanes(int threads) {
        ReadAheadLanes l = new ReadAheadLanes("test", threads);
        lanes.add(l);
        return l;
    }

    /** A collector that answers true only if N collections were running at once (the latch opens). */
    private static Collector<Boolean> meetingAt(CountDownLatch together, AtomicInteger calls) {
        return (key, facts) -> {
            calls.incrementAndGet();
            together.countDown();
            try {
                return together.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        };
    }

    private static List<FactKey<Boolean>> items() {
        return IntStream.range(0, N).mapToObj(i -> ITEM.about("p" + i)).toList();
    }

    @Test
    void prefetched_facts_are_collected_at_once_and_each_once() {
        CountDownLatch together = new CountDownLatch(N);
        AtomicInteger calls = new AtomicInteger();
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(ITEM, meetingAt(together, calls)),
                () -> false, lanes(16), () -> { });

        facts.prefetch(items());
        facts.prefetch(items()); // a second check hinting the same keys queues nothing more

        for (FactKey<Boolean> key : items()) {
            assertThat(facts.require(key)).as("%s met the others in flight", key).isTrue();
        }
        assertThat(calls).hasValue(N);
        assertThat(facts.collectionCount()).isEqualTo(N);
    }

    @Test
    void a_lane_thread_waiting_for_another_threads_collection_lets_the_lane_start_another() throws Exception {
        // A one-thread lane. Its first task waits for OUTER, which another thread is collecting and
        // which completes only once the lane's second task has run. Without the lane growing while
        // its thread waits, the second task would sit in the queue behind the first for good.
        CountDownLatch secondRan = new CountDownLatch(1);
        CountDownLatch outerStarted = new CountDownLatch(1);
        ReadAheadLanes oneThread = lanes(1);
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(OUTER, (key, f) -> {
            outerStarted.countDown();
            try {
                return secondRan.await(10, TimeUnit.SECONDS) ? "after the second task" : "never";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }), () -> false, oneThread, () -> { }, oneThread.waits());
        CompletableFuture<String> elsewhere = CompletableFuture.supplyAsync(() -> facts.require(OUTER));
        assertThat(outerStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<String> firstTask = new CompletableFuture<>();

        facts.readAhead(Platform.NPM, List.of("first", "second"), s -> {
            if (s.equals("first")) {
                firstTask.complete(facts.require(OUTER));
            } else {
                secondRan.countDown();
            }
        });

        assertThat(firstTask.get(10, TimeUnit.SECONDS)).isEqualTo("after the second task");
        assertThat(elsewhere.get(5, TimeUnit.SECONDS)).isEqualTo("after the second task");
    }

    @Test
    void a_lane_grows_at_most_to_its_cap_and_returns_to_its_size() throws Exception {
        // Every task waits for the same collection: the lane grows by one per waiting thread up to
        // GROWTH times its size, and shrinks back once the waits end.
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch outerStarted = new CountDownLatch(1);
        ReadAheadLanes twoThreads = lanes(2);
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(OUTER, (key, f) -> {
            outerStarted.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS) ? "released" : "never";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        }), () -> false, twoThreads, () -> { }, twoThreads.waits());
        CompletableFuture.runAsync(() -> facts.require(OUTER));
        assertThat(outerStarted.await(5, TimeUnit.SECONDS)).isTrue();
        int tasks = 2 * ReadAheadLanes.GROWTH * 3;
        CountDownLatch finished = new CountDownLatch(tasks);

        facts.readAhead(Platform.NPM, IntStream.range(0, tasks).boxed().toList(), i -> {
            facts.require(OUTER);
            finished.countDown();
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (twoThreads.threadCount() < 2 * ReadAheadLanes.GROWTH && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Thread.sleep(100); // give an uncapped lane the chance to overshoot
        assertThat(twoThreads.threadCount()).isEqualTo(2 * ReadAheadLanes.GROWTH);

        release.countDown();
        assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(twoThreads.laneSizes()).containsValue(2);
    }

    @Test
    void without_lanes_prefetch_is_only_a_hint() {
        AtomicInteger calls = new AtomicInteger();
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(ITEM, (key, f) -> {
            calls.incrementAndGet();
            return true;
        }));

        facts.prefetch(items());
        assertThat(calls).as("nothing collected by the hint").hasValue(0);
        facts.require(items().get(0));
        assertThat(calls).as("collected when required, once").hasValue(1);
    }

    @Test
    void read_ahead_runs_the_per_subject_reads_at_once_and_the_walk_finds_them_collected() {
        CountDownLatch together = new CountDownLatch(N);
        AtomicInteger calls = new AtomicInteger();
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(ITEM, meetingAt(together, calls)),
                () -> false, lanes(16), () -> { });
        List<String> subjects = IntStream.range(0, N).mapToObj(i -> "p" + i).toList();

        facts.readAhead(Platform.NPM, subjects, s -> facts.require(ITEM.about(s)));

        for (String s : subjects) {
            assertThat(facts.require(ITEM.about(s))).isTrue();
        }
        assertThat(calls).hasValue(N);
    }

    @Test
    void a_failure_read_ahead_shows_only_to_whoever_reads_that_fact() {
        AtomicInteger progress = new AtomicInteger();
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(OUTER, (key, f) -> switch (key.subject()) {
            case "missing" -> throw new CollectionException(Unavailability.of(Cause.NOT_FOUND, "no such package", "check the name"));
            case "broken" -> throw new IllegalStateException("collector bug");
            default -> "ok " + key.subject();
        }), () -> false, lanes(4), progress::incrementAndGet);

        facts.prefetch(List.of(OUTER.about("missing"), OUTER.about("broken"), OUTER.about("fine")));
        facts.readAhead(Platform.NPM, List.of("x"), s -> {
            throw new IllegalStateException("a reader that fails is ignored");
        });

        assertThat(facts.require(OUTER.about("fine"))).isEqualTo("ok fine");
        Fact<String> missing = facts.lookup(OUTER.about("missing"));
        assertThat(missing).isInstanceOf(Fact.Unavailable.class);
        assertThat(((Fact.Unavailable<String>) missing).unavailability().reason()).isEqualTo("no such package");
        Fact<String> broken = facts.lookup(OUTER.about("broken"));
        assertThat(((Fact.Unavailable<String>) broken).unavailability().cause()).isEqualTo(Cause.INTERNAL);
        assertThat(facts.collectionCount()).isEqualTo(3);
        assertThat(progress).hasValue(3);
    }

    @Test
    void a_collector_reading_a_queued_fact_collects_it_itself_even_in_a_one_thread_lane() throws Exception {
        AtomicInteger innerCalls = new AtomicInteger();
        CountDownLatch outerStarted = new CountDownLatch(1);
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry()
                .register(OUTER, (key, f) -> {
                    outerStarted.countDown();
                    return "outer of " + f.require(INNER);
                })
                .register(INNER, (key, f) -> {
                    innerCalls.incrementAndGet();
                    return "inner";
                }), () -> false, lanes(1), () -> { });

        // OUTER takes the lane's only thread; INNER waits in the queue behind it.
        facts.prefetch(List.of(OUTER, INNER));
        assertThat(outerStarted.await(5, TimeUnit.SECONDS)).isTrue();

        String outer = CompletableFuture.supplyAsync(() -> facts.require(OUTER)).get(5, TimeUnit.SECONDS);
        assertThat(outer).isEqualTo("outer of inner");
        assertThat(innerCalls).hasValue(1);
    }

    @Test
    void shutting_the_lanes_down_stops_read_ahead_and_keeps_nothing_it_cut_short() throws Exception {
        CountDownLatch started = new CountDownLatch(3);
        CountDownLatch interrupted = new CountDownLatch(3);
        AtomicBoolean block = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        ReadAheadLanes l = lanes(16);
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(OUTER, (key, f) -> {
            calls.incrementAndGet();
            if (!block.get()) {
                return "collected when read";
            }
            started.countDown();
            try {
                new CountDownLatch(1).await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
                throw new CollectionException(Unavailability.of(Cause.CANCELLED, "stopped", "run again"));
            }
            return "never";
        }), () -> false, l, () -> { });

        facts.prefetch(List.of(OUTER.about("a"), OUTER.about("b"), OUTER.about("c")));
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        l.shutdownNow();

        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("every running read-ahead was interrupted").isTrue();
        assertThat(l.awaitTermination(Duration.ofSeconds(5))).as("the lane threads ended").isTrue();
        assertThat(l.threadCount()).isZero();

        // What the shutdown cut short was not kept: reading it collects it on the reader's thread.
        block.set(false);
        assertThat(facts.require(OUTER.about("a"))).isEqualTo("collected when read");
        facts.prefetch(List.of(OUTER.about("d"))); // after shutdown: a hint that does nothing
        assertThat(calls).hasValue(4);
    }
}
