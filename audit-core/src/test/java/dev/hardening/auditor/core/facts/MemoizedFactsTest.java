package dev.hardening.auditor.core.facts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.Platform;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Facts are collected at most once per audit, and a waiting reader never waits forever. */
class MemoizedFactsTest {
    private static final FactKey<String> LOGIN = FactKey.of("test.login", Platform.GITHUB, String.class);
    private static final FactKey<Integer> COUNT = FactKey.of("test.count", Platform.GITHUB, Integer.class);
    private final ExecutorService threads = Executors.newCachedThreadPool();

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private static Unavailability unavailability(Fact<?> fact) {
        assertThat(fact).isInstanceOf(Fact.Unavailable.class);
        return ((Fact.Unavailable<?>) fact).unavailability();
    }

    @Test
    void concurrentReadersOfOneKeyShareOneCollection() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch collecting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(LOGIN, (key, f) -> {
            calls.incrementAndGet();
            collecting.countDown();
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return "octocat";
        }));

        List<Future<String>> readers = new ArrayList<>();
        readers.add(threads.submit(() -> facts.require(LOGIN)));
        assertThat(collecting.await(5, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 5; i++) {
            readers.add(threads.submit(() -> facts.require(LOGIN)));
        }
        release.countDown();

        for (Future<String> reader : readers) {
            assertThat(reader.get(5, TimeUnit.SECONDS)).isEqualTo("octocat");
        }
        assertThat(calls.get()).isEqualTo(1);
        assertThat(facts.collectionCount()).isEqualTo(1);
    }

    @Test
    void subjectsAreSeparateFacts() {
        AtomicInteger calls = new AtomicInteger();
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(LOGIN, (key, f) -> {
            calls.incrementAndGet();
            return key.subject().toUpperCase();
        }));

        assertThat(facts.require(LOGIN.about("a"))).isEqualTo("A");
        assertThat(facts.require(LOGIN.about("b"))).isEqualTo("B");
        assertThat(facts.require(LOGIN.about("a"))).isEqualTo("A");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void failuresAreKeptToo() {
        AtomicInteger calls = new AtomicInteger();
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(LOGIN, (key, f) -> {
            calls.incrementAndGet();
            throw new CollectionException(Unavailability.of(Cause.FORBIDDEN, "denied", "a token with read:user"));
        }));

        assertThat(unavailability(facts.lookup(LOGIN)).needed()).isEqualTo("a token with read:user");
        assertThatThrownBy(() -> facts.require(LOGIN)).isInstanceOf(FactUnavailableException.class)
                .hasMessage("denied");
        assertThat(calls.get()).isEqualTo(1);
    }

    @Test
    void missingNullAndBrokenCollectorsAreUnavailableWithAReason() {
        FactKey<String> unknown = FactKey.of("test.unknown", Platform.NPM, String.class);
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry()
                .register(LOGIN, (key, f) -> null)
                .register(COUNT, (key, f) -> {
                    throw new IllegalArgumentException("secret-looking detail 1234");
                }));

        assertThat(unavailability(facts.lookup(unknown)).cause()).isEqualTo(Cause.NOT_CONFIGURED);
        assertThat(unavailability(facts.lookup(LOGIN)).cause()).isEqualTo(Cause.INTERNAL);
        Unavailability broken = unavailability(facts.lookup(COUNT));
        assertThat(broken.cause()).isEqualTo(Cause.INTERNAL);
        assertThat(broken.reason()).contains("IllegalArgumentException").doesNotContain("1234");
    }

    @Test
    void aKeyOfTheWrongTypeIsUnavailableAndDoesNotBlockLaterReaders() throws Exception {
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(LOGIN, (key, f) -> "octocat"));
        FactKey<Integer> sameKindOtherType = FactKey.of("test.login", Platform.GITHUB, Integer.class);

        assertThat(unavailability(facts.lookup(sameKindOtherType)).cause()).isEqualTo(Cause.INTERNAL);
        Future<Fact<Integer>> again = threads.submit(() -> facts.lookup(sameKindOtherType));
        assertThat(again.get(2, TimeUnit.SECONDS).isAvailable()).isFalse();
    }

    @Test
    void anErrorInACollectorDoesNotLeaveReadersWaitingForever() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(LOGIN, (key, f) -> {
            if (calls.incrementAndGet() == 1) {
                throw new AssertionError("first attempt broke");
            }
            return "octocat";
        }));

        assertThatThrownBy(() -> facts.lookup(LOGIN)).isInstanceOf(AssertionError.class);
        Future<String> next = threads.submit(() -> facts.require(LOGIN));

        assertThat(next.get(2, TimeUnit.SECONDS)).isEqualTo("octocat");
    }

    @Test
    void aCollectionStoppedByAnInterruptIsNotKeptAndWaitingReadersCollectAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch firstCollecting = new CountDownLatch(1);
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(LOGIN, (key, f) -> {
            if (calls.incrementAndGet() == 1) {
                firstCollecting.countDown();
                try {
                    new CountDownLatch(1).await(); // until interrupted by the check's time limit
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CollectionException(Unavailability.of(Cause.TIMEOUT, "interrupted", ""));
                }
            }
            return "octocat";
        }));

        Future<Fact<String>> timedOut = threads.submit(() -> facts.lookup(LOGIN));
        assertThat(firstCollecting.await(5, TimeUnit.SECONDS)).isTrue();
        Future<String> waiting = threads.submit(() -> facts.require(LOGIN));
        timedOut.cancel(true); // interrupts the collecting thread

        assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("octocat");
        assertThat(facts.require(LOGIN)).isEqualTo("octocat");
        assertThat(calls.get()).isEqualTo(2);
    }

    @Test
    void aCancelledAuditCollectsNothingMore() {
        AtomicBoolean cancelled = new AtomicBoolean(true);
        AtomicInteger calls = new AtomicInteger();
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry().register(LOGIN, (key, f) -> {
            calls.incrementAndGet();
            return "octocat";
        }), cancelled::get);

        assertThat(unavailability(facts.lookup(LOGIN)).cause()).isEqualTo(Cause.CANCELLED);
        assertThat(calls.get()).isZero();
    }

    @Test
    void collectorsMayReadOtherFactsButNotThemselves() throws Exception {
        MemoizedFacts facts = new MemoizedFacts(new CollectorRegistry()
                .register(LOGIN, (key, f) -> "octocat")
                .register(COUNT, (key, f) -> f.require(LOGIN).length() + f.require(COUNT)));

        Future<Fact<Integer>> count = threads.submit(() -> facts.lookup(COUNT));

        Unavailability cycle = unavailability(count.get(2, TimeUnit.SECONDS));
        assertThat(cycle.cause()).isEqualTo(Cause.INTERNAL);
        assertThat(cycle.reason()).contains("test.count");
        assertThat(facts.require(LOGIN)).isEqualTo("octocat");
    }
}
