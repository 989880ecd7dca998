package dev.hardening.auditor.core.engine;

import static dev.hardening.auditor.core.check.TestRegistries.check;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.check.TestRegistries;
import dev.hardening.auditor.core.engine.fixtures.needsfact.NeedsFactCheck;
import dev.hardening.auditor.core.engine.fixtures.needsfact.TestFacts;
import dev.hardening.auditor.core.engine.fixtures.nofindings.NoFindingsCheck;
import dev.hardening.auditor.core.engine.fixtures.passing.PassingCheck;
import dev.hardening.auditor.core.engine.fixtures.passwithoutevidence.PassWithoutEvidenceCheck;
import dev.hardening.auditor.core.engine.fixtures.throwing.ThrowingCheck;
import dev.hardening.auditor.core.engine.fixtures.wrongid.WrongIdCheck;
import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.Policy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The engine runs checks in parallel, memoises facts, bounds time, and enforces the rules of findings. */
class AuditEngineTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2024-05-01T12:00:00Z"), ZoneOffset.UTC);
    private static final FactKey<String> LOGIN = TestFacts.LOGIN;
    private final List<ProgressEvent> events = Collections.synchronizedList(new ArrayList<>());
    /** Released at the end of every test, so no check thread outlives its test. */
    private final CountDownLatch endOfTest = new CountDownLatch(1);

    @AfterEach
    void releaseBlockedChecks() {
        endOfTest.countDown();
    }

    private static AuditRequest request(Set<Platform> platforms, Set<String> checkIds) {
        return new AuditRequest(AuditTargets.none(), platforms, checkIds, Policy.none(), CLOCK);
    }

    private static AuditRequest allPlatforms() {
        return request(Set.of(Platform.values()), Set.of());
    }

    private static CollectorRegistry login(Function<FactKey<String>, String> collector) {
        return new CollectorRegistry().register(LOGIN, (key, facts) -> collector.apply(key));
    }

    private AuditRun start(CheckRegistry registry, AuditEngine.Settings settings, CollectorRegistry collectors,
                           Runnable cancelInFlight) {
        return new AuditEngine(registry, settings).start(allPlatforms(), collectors, events::add, cancelInFlight);
    }

    private AuditResult run(CheckRegistry registry, CollectorRegistry collectors) throws Exception {
        return start(registry, new AuditEngine.Settings(4, Duration.ofSeconds(30)), collectors, () -> { })
                .await(10, TimeUnit.SECONDS);
    }

    private static Map<String, Finding> byCheck(AuditResult result) {
        return result.findings().stream().collect(Collectors.toMap(Finding::check, f -> f));
    }

    private static Finding pass(CheckContext c, String subject) {
        return c.pass(subject, "fine", Evidence.of("seen", subject, "test"));
    }

    /** Blocks until the end of the test, ignoring interrupts: the worst a check can do. */
    private List<Finding> blockUninterruptibly() {
        boolean interrupted = false;
        while (true) {
            try {
                endOfTest.await();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        return List.of();
    }

    // --- the rules every finding obeys -------------------------------------------------------

    @Test
    void enforcesTheRulesOfFindingsWhateverTheChecksDo() throws Exception {
        CheckRegistry registry = CheckRegistry.of(List.of(new PassingCheck(), new ThrowingCheck(),
                new PassWithoutEvidenceCheck(), new WrongIdCheck(), new NoFindingsCheck()));

        Map<String, Finding> findings = byCheck(run(registry, new CollectorRegistry()));

        assertThat(findings.get("test.passing").status()).isEqualTo(Status.PASS);
        Finding thrown = findings.get("test.throwing");
        assertThat(thrown.status()).isEqualTo(Status.UNKNOWN);
        assertThat(thrown.message()).contains("IllegalStateException").doesNotContain("packument");
        Finding noEvidence = findings.get("test.pass-without-evidence");
        assertThat(noEvidence.status()).isEqualTo(Status.UNKNOWN);
        assertThat(noEvidence.message()).contains("PASS without evidence");
        Finding wrongId = findings.get("test.wrong-id");
        assertThat(wrongId.status()).isEqualTo(Status.UNKNOWN);
        assertThat(wrongId.message()).contains("github.2fa", "discarded");
        assertThat(findings).doesNotContainKey("github.2fa");
        assertThat(findings.get("test.no-findings").status()).isEqualTo(Status.NOT_APPLICABLE);
    }

    @Test
    void unavailableFactBecomesUnknownWithTheReasonAndWhatIsNeeded() throws Exception {
        CollectorRegistry collectors = new CollectorRegistry().register(LOGIN, (key, facts) -> {
            throw new CollectionException(Unavailability.of(Cause.FORBIDDEN,
                    "GitHub denied access to GET /user (HTTP 403)", "a token with one of these scopes: read:user"));
        });

        Finding f = byCheck(run(CheckRegistry.of(List.of(new NeedsFactCheck())), collectors)).get("test.needs-fact");

        assertThat(f.status()).isEqualTo(Status.UNKNOWN);
        assertThat(f.message()).isEqualTo("GitHub denied access to GET /user (HTTP 403)");
        assertThat(f.needed()).isEqualTo("a token with one of these scopes: read:user");
        assertThat(f.remediation()).isNotEmpty();
    }

    @Test
    void availableFactReachesTheCheck() throws Exception {
        Finding f = byCheck(run(CheckRegistry.of(List.of(new NeedsFactCheck())), login(key -> "octocat")))
                .get("test.needs-fact");

        assertThat(f.status()).isEqualTo(Status.PASS);
        assertThat(f.subject()).isEqualTo("octocat");
    }

    @Test
    void anErrorInACheckIsUnknownAtOnceNotAfterTheTimeLimit() throws Exception {
        CheckRegistry registry = TestRegistries.of(List.of(
                check("test.assertion", c -> {
                    throw new AssertionError("invariant");
                }),
                check("test.linkage", c -> {
                    throw new NoClassDefFoundError("org/example/Missing");
                }),
                check("test.null-finding", c -> Arrays.asList(pass(c, "a"), null)),
                check("test.null-list", c -> null)));

        AuditResult result = start(registry, new AuditEngine.Settings(2, Duration.ofMinutes(5)), new CollectorRegistry(),
                () -> { }).await(5, TimeUnit.SECONDS);

        Map<String, List<Finding>> findings = result.findings().stream().collect(Collectors.groupingBy(Finding::check));
        assertThat(findings.get("test.assertion")).singleElement().satisfies(f -> {
            assertThat(f.status()).isEqualTo(Status.UNKNOWN);
            assertThat(f.message()).contains("AssertionError");
        });
        assertThat(findings.get("test.linkage")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("NoClassDefFoundError"));
        assertThat(findings.get("test.null-finding")).extracting(Finding::status)
                .containsExactlyInAnyOrder(Status.PASS, Status.UNKNOWN);
        assertThat(findings.get("test.null-list")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.NOT_APPLICABLE));
    }

    // --- facts ---------------------------------------------------------------------------------

    @Test
    void tenChecksReadingOneFactCollectItOnce() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        List<RegisteredCheck> checks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            checks.add(check("test.reader-" + i, c -> List.of(pass(c, c.facts().require(LOGIN)))));
        }

        AuditResult result = start(TestRegistries.of(checks), new AuditEngine.Settings(10, Duration.ofSeconds(30)),
                login(key -> {
                    collections.incrementAndGet();
                    return "octocat";
                }), () -> { }).await(10, TimeUnit.SECONDS);

        assertThat(collections.get()).isEqualTo(1);
        assertThat(result.findings()).hasSize(10).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(Status.PASS);
            assertThat(f.subject()).isEqualTo("octocat");
        });
    }

    @Test
    void aFailedFactIsAlsoCollectedOnce() throws Exception {
        AtomicInteger collections = new AtomicInteger();
        List<RegisteredCheck> checks = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            checks.add(check("test.reader-" + i, c -> List.of(pass(c, c.facts().require(LOGIN)))));
        }
        CollectorRegistry collectors = new CollectorRegistry().register(LOGIN, (key, facts) -> {
            collections.incrementAndGet();
            throw new CollectionException(Unavailability.of(Cause.NO_CREDENTIAL, "no GitHub token", "a GITHUB_TOKEN"));
        });

        AuditResult result = run(TestRegistries.of(checks), collectors);

        assertThat(collections.get()).isEqualTo(1);
        assertThat(result.findings()).hasSize(5).allSatisfy(f -> assertThat(f.needed()).isEqualTo("a GITHUB_TOKEN"));
    }

    // --- concurrency and time ------------------------------------------------------------------

    @Test
    void runsAtMostTheConfiguredNumberOfChecksAtOnce() throws Exception {
        int bound = 3;
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        CountDownLatch boundReached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<RegisteredCheck> checks = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            checks.add(check("test.parallel-" + i, c -> {
                int now = running.incrementAndGet();
                maxRunning.accumulateAndGet(now, Math::max);
                if (now == bound) {
                    boundReached.countDown();
                }
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    running.decrementAndGet();
                }
                return List.of(pass(c, "x"));
            }));
        }

        AuditRun run = start(TestRegistries.of(checks), new AuditEngine.Settings(bound, Duration.ofSeconds(30)),
                new CollectorRegistry(), () -> { });
        assertThat(boundReached.await(5, TimeUnit.SECONDS)).isTrue();
        release.countDown();
        AuditResult result = run.await(10, TimeUnit.SECONDS);

        assertThat(maxRunning.get()).isEqualTo(bound);
        assertThat(result.findings()).hasSize(8).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    }

    @Test
    void aCheckWaitingForAFactAnotherThreadCollectsLendsItsSlotToTheNextCheck() throws Exception {
        // One slot. The first check hints a fact (collected on a read-ahead thread, which blocks until
        // the second check has started) and then waits for it. Only if the waiting check lends its slot
        // can the second check start; otherwise the first waits until its time limit.
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch collectionStarted = new CountDownLatch(1);
        CollectorRegistry collectors = login(key -> {
            collectionStarted.countDown();
            try {
                return secondStarted.await(10, TimeUnit.SECONDS) ? "collected after the second check started" : "never";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
        });
        FactKey<String> key = LOGIN.about("shared");
        CheckRegistry registry = TestRegistries.of(List.of(
                check("test.a-waits", c -> {
                    c.facts().prefetch(List.of(key));
                    try {
                        // so that reading the fact waits for the read-ahead thread rather than collects it
                        assertThat(collectionStarted.await(5, TimeUnit.SECONDS)).isTrue();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of(pass(c, c.facts().require(key)));
                }),
                check("test.b-next", c -> {
                    secondStarted.countDown();
                    return List.of(pass(c, "started while the first waited"));
                })));

        AuditResult result = start(registry, new AuditEngine.Settings(1, Duration.ofSeconds(30)), collectors, () -> { })
                .await(10, TimeUnit.SECONDS);

        Map<String, Finding> findings = byCheck(result);
        assertThat(findings.get("test.a-waits").status()).isEqualTo(Status.PASS);
        assertThat(findings.get("test.a-waits").subject()).isEqualTo("collected after the second check started");
        assertThat(findings.get("test.b-next").status()).isEqualTo(Status.PASS);
    }

    @Test
    void aCheckOverItsTimeLimitIsUnknownAndTheOthersAreUnaffected() throws Exception {
        CheckRegistry registry = TestRegistries.of(List.of(
                check("test.blocks", c -> {
                    try {
                        endOfTest.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of(pass(c, "late"));
                }),
                check("test.quick", c -> List.of(pass(c, "quick")))));

        AuditResult result = start(registry, new AuditEngine.Settings(2, Duration.ofMillis(300)), new CollectorRegistry(),
                () -> { }).await(5, TimeUnit.SECONDS);

        Map<String, Finding> findings = byCheck(result);
        assertThat(findings.get("test.blocks").status()).isEqualTo(Status.UNKNOWN);
        assertThat(findings.get("test.blocks").message()).contains("did not finish within 300 ms");
        assertThat(findings.get("test.blocks").needed()).contains("--check-timeout");
        assertThat(findings.get("test.quick").status()).isEqualTo(Status.PASS);
        assertThat(result.cancelled()).isFalse();
    }

    @Test
    void aCheckThatIgnoresInterruptsDoesNotStallTheChecksQueuedBehindIt() throws Exception {
        CheckRegistry registry = TestRegistries.of(List.of(
                check("test.stubborn", c -> blockUninterruptibly()),
                check("test.next-1", c -> List.of(pass(c, "one"))),
                check("test.next-2", c -> List.of(pass(c, "two")))));

        AuditResult result = start(registry, new AuditEngine.Settings(1, Duration.ofMillis(200)), new CollectorRegistry(),
                () -> { }).await(5, TimeUnit.SECONDS);

        Map<String, Finding> findings = byCheck(result);
        assertThat(findings.get("test.stubborn").status()).isEqualTo(Status.UNKNOWN);
        assertThat(findings.get("test.next-1").status()).isEqualTo(Status.PASS);
        assertThat(findings.get("test.next-2").status()).isEqualTo(Status.PASS);
    }

    @Test
    void anInterruptFromATimeLimitDoesNotLeakIntoTheNextCheck() throws Exception {
        List<RegisteredCheck> checks = new ArrayList<>();
        // Each slow check swallows the interrupt but restores the flag, as well-behaved code does.
        for (int i = 0; i < 3; i++) {
            checks.add(check("test.slow-" + i, c -> {
                try {
                    endOfTest.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return List.of(pass(c, "slow"));
            }));
            checks.add(check("test.after-" + i, c -> Thread.currentThread().isInterrupted()
                    ? List.of(c.fail("interrupted", "started with the interrupt flag set", Evidence.of("k", "v", "t")))
                    : List.of(pass(c, "clean"))));
        }

        AuditResult result = start(TestRegistries.of(checks), new AuditEngine.Settings(1, Duration.ofMillis(150)),
                new CollectorRegistry(), () -> { }).await(10, TimeUnit.SECONDS);

        assertThat(result.findings()).filteredOn(f -> f.check().startsWith("test.after-"))
                .hasSize(3).allSatisfy(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    }

    // --- cancellation --------------------------------------------------------------------------

    @Test
    void cancelStopsTheFactsBeingReadAheadAndTheirThreadsEnd() throws Exception {
        CountDownLatch collecting = new CountDownLatch(3);
        CountDownLatch interrupted = new CountDownLatch(3);
        CollectorRegistry collectors = login(key -> {
            collecting.countDown();
            try {
                endOfTest.await();
            } catch (InterruptedException e) {
                interrupted.countDown();
                Thread.currentThread().interrupt();
            }
            return "too late";
        });
        List<FactKey<String>> keys = List.of(LOGIN.about("a"), LOGIN.about("b"), LOGIN.about("c"));
        CheckRegistry registry = TestRegistries.of(List.of(check("test.reads-ahead", c -> {
            c.facts().prefetch(keys);
            try {
                endOfTest.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(pass(c, "too late"));
        })));

        AuditRun run = start(registry, new AuditEngine.Settings(1, Duration.ofMinutes(5)), collectors, () -> { });
        assertThat(collecting.await(5, TimeUnit.SECONDS)).as("the three facts are collected at once, ahead").isTrue();
        List<Thread> readAhead = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().contains("-read-ahead-")).toList();
        run.cancel();
        AuditResult result = run.await(2, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isTrue();
        assertThat(interrupted.await(5, TimeUnit.SECONDS)).as("every read-ahead was interrupted").isTrue();
        for (Thread t : readAhead) {
            t.join(5000);
            assertThat(t.isAlive()).as(t.getName()).isFalse();
        }
    }


    @Test
    void cancelKeepsFinishedFindingsAndMarksTheRestCancelled() throws Exception {
        CountDownLatch longStarted = new CountDownLatch(2);
        AtomicInteger cancelInFlightCalls = new AtomicInteger();
        Function<String, RegisteredCheck> longCheck = id -> check(id, c -> {
            longStarted.countDown();
            try {
                endOfTest.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return List.of(pass(c, "too late"));
        });
        CheckRegistry registry = TestRegistries.of(List.of(
                check("test.fast", c -> List.of(pass(c, "done"))),
                longCheck.apply("test.long-1"),
                longCheck.apply("test.long-2"),
                check("test.queued-1", c -> List.of(pass(c, "never"))),
                check("test.queued-2", c -> List.of(pass(c, "never")))));

        AuditRun run = start(registry, new AuditEngine.Settings(2, Duration.ofMinutes(5)), new CollectorRegistry(),
                cancelInFlightCalls::incrementAndGet);
        assertThat(longStarted.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        run.cancel();
        AuditResult result = run.await(2, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        assertThat(result.cancelled()).isTrue();
        assertThat(run.isCancelled()).isTrue();
        assertThat(cancelInFlightCalls.get()).isEqualTo(1);
        Map<String, Finding> findings = byCheck(result);
        assertThat(findings.get("test.fast").status()).isEqualTo(Status.PASS);
        for (String id : List.of("test.long-1", "test.long-2", "test.queued-1", "test.queued-2")) {
            assertThat(findings.get(id).status()).as(id).isEqualTo(Status.UNKNOWN);
            assertThat(findings.get(id).message()).as(id).contains("cancelled");
        }
        assertThat(events).last().isEqualTo(new ProgressEvent.AuditFinished(true, 5));
        run.cancel();
        assertThat(cancelInFlightCalls.get()).as("a second cancel does nothing").isEqualTo(1);
    }

    @Test
    void cancelFromTheProgressListenerWhileChecksRun() throws Exception {
        // The desktop app cancels from its event handling: re-entrant calls must not deadlock.
        CountDownLatch published = new CountDownLatch(1);
        AtomicReference<AuditRun> self = new AtomicReference<>();
        ProgressListener cancelling = event -> {
            events.add(event);
            if (event instanceof ProgressEvent.CheckFinished) {
                self.get().cancel();
            }
        };
        CheckRegistry registry = TestRegistries.of(List.of(
                check("test.first", c -> {
                    try {
                        published.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return List.of(pass(c, "first"));
                }),
                check("test.second", c -> List.of(pass(c, "second"))),
                check("test.third", c -> List.of(pass(c, "third")))));

        AuditRun run = new AuditEngine(registry, new AuditEngine.Settings(1, Duration.ofSeconds(30)))
                .start(allPlatforms(), new CollectorRegistry(), cancelling, () -> { });
        self.set(run);
        published.countDown();
        AuditResult result = run.await(5, TimeUnit.SECONDS);

        assertThat(result.cancelled()).isTrue();
        Map<String, Finding> findings = byCheck(result);
        assertThat(findings.get("test.first").status()).isEqualTo(Status.PASS);
        assertThat(findings.get("test.second").message()).contains("cancelled");
        assertThat(findings.get("test.third").message()).contains("cancelled");
        assertThat(events).filteredOn(e -> e instanceof ProgressEvent.AuditFinished).hasSize(1);
    }

    // --- selection and progress ----------------------------------------------------------------

    @Test
    void selectsChecksByPlatformUnlessCheckIdsAreGiven() {
        CheckRegistry registry = CheckRegistry.of(List.of(new PassingCheck(), new ThrowingCheck(), new NoFindingsCheck()));
        AuditEngine engine = new AuditEngine(registry, AuditEngine.Settings.defaults());

        assertThat(engine.select(request(Set.of(Platform.GITHUB, Platform.PYPI), Set.of())))
                .extracting(RegisteredCheck::id).containsExactlyInAnyOrder("test.passing", "test.no-findings");
        assertThat(engine.select(request(Set.of(Platform.EMAIL), Set.of()))).isEmpty();
        assertThat(engine.select(request(Set.of(Platform.GITHUB), Set.of("test.throwing"))))
                .extracting(RegisteredCheck::id).containsExactly("test.throwing");
    }

    @Test
    void anUnknownCheckIdIsAnErrorNotSilentlyIgnored() {
        AuditEngine engine = new AuditEngine(CheckRegistry.of(List.of(new PassingCheck())), AuditEngine.Settings.defaults());
        AuditRequest request = request(Set.of(Platform.GITHUB), Set.of("test.passing", "test.no-such-check", "github.2fa-typo"));

        assertThatThrownBy(() -> engine.select(request)).isInstanceOf(UnknownCheckException.class)
                .hasMessageContaining("unknown checks [github.2fa-typo, test.no-such-check]")
                .satisfies(e -> assertThat(((UnknownCheckException) e).ids()).containsExactly("github.2fa-typo", "test.no-such-check"));
        assertThatThrownBy(() -> engine.start(request, new CollectorRegistry(), events::add, () -> { }))
                .isInstanceOf(UnknownCheckException.class);
        assertThat(events).as("nothing started").isEmpty();
        assertThatThrownBy(() -> engine.select(request(Set.of(Platform.GITHUB), Set.of("test.typo"))))
                .hasMessageStartingWith("unknown check 'test.typo'");
    }

    static Stream<Arguments> namedChecks() {
        return Stream.of(
                // named check (its platform), platforms the audit reads, status, what the message says
                Arguments.of("test.passing", Set.of(Platform.GITHUB), Status.PASS, "two-factor"),
                Arguments.of("test.passing", Set.of(Platform.NPM, Platform.EMAIL), Status.NOT_APPLICABLE,
                        "no GitHub target or credential, so it did not run. To audit GitHub, add --github-user, --github-org or GITHUB_TOKEN."),
                Arguments.of("test.throwing", Set.of(Platform.GITHUB), Status.NOT_APPLICABLE,
                        "add --npm-user, --npm-package or NPM_TOKEN"),
                Arguments.of("test.throwing", Set.of(Platform.NPM), Status.UNKNOWN, ""));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("namedChecks")
    void aNamedCheckWhosePlatformIsNotAuditedSaysSoInsteadOfRunningBlind(String id, Set<Platform> platforms, Status expected,
                                                                         String says) throws Exception {
        CheckRegistry registry = CheckRegistry.of(List.of(new PassingCheck(), new ThrowingCheck()));

        AuditResult result = new AuditEngine(registry, AuditEngine.Settings.defaults())
                .start(request(platforms, Set.of(id)), new CollectorRegistry(), events::add, () -> { }).await(5, TimeUnit.SECONDS);

        assertThat(result.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo(id);
            assertThat(f.status()).isEqualTo(expected);
            assertThat(f.message()).contains(says);
        });
        assertThat(result.checksRun()).containsExactly(id);
    }

    @Test
    void withoutNamedChecksThoseOfUnauditedPlatformsAreSimplyLeftOut() throws Exception {
        CheckRegistry registry = CheckRegistry.of(List.of(new PassingCheck(), new ThrowingCheck()));

        AuditResult result = new AuditEngine(registry, AuditEngine.Settings.defaults())
                .start(request(Set.of(Platform.GITHUB), Set.of()), new CollectorRegistry(), events::add, () -> { })
                .await(5, TimeUnit.SECONDS);

        assertThat(result.checksRun()).containsExactly("test.passing");
    }

    @Test
    void emitsProgressInOrder() throws Exception {
        CheckRegistry registry = CheckRegistry.of(List.of(new PassingCheck(), new NoFindingsCheck(), new ThrowingCheck()));

        AuditResult result = start(registry, new AuditEngine.Settings(1, Duration.ofSeconds(30)), new CollectorRegistry(),
                () -> { }).await(5, TimeUnit.SECONDS);

        List<ProgressEvent> seen = List.copyOf(events);
        assertThat(seen.get(0)).isEqualTo(new ProgressEvent.AuditStarted(3));
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new ProgressEvent.AuditFinished(false, result.findings().size()));
        assertThat(seen).filteredOn(e -> e instanceof ProgressEvent.AuditFinished).hasSize(1);
        List<ProgressEvent> checkEvents = seen.subList(1, seen.size() - 1);
        assertThat(checkEvents).hasSize(6);
        for (int i = 0; i < 3; i++) {
            ProgressEvent.CheckStarted started = (ProgressEvent.CheckStarted) checkEvents.get(2 * i);
            ProgressEvent.CheckFinished finished = (ProgressEvent.CheckFinished) checkEvents.get(2 * i + 1);
            assertThat(started.completed()).isEqualTo(i);
            assertThat(started.total()).isEqualTo(3);
            assertThat(finished.checkId()).isEqualTo(started.checkId());
            assertThat(finished.completed()).isEqualTo(i + 1);
        }
    }

    @Test
    void anAuditWithoutChecksFinishesAtOnceAndOnce() throws Exception {
        AuditResult result = start(TestRegistries.of(List.of()), AuditEngine.Settings.defaults(), new CollectorRegistry(),
                () -> { }).await(5, TimeUnit.SECONDS);

        assertThat(result.findings()).isEmpty();
        assertThat(events).containsExactly(new ProgressEvent.AuditStarted(0), new ProgressEvent.AuditFinished(false, 0));
    }

    @Test
    void aBrokenProgressListenerDoesNotBreakTheAudit() throws Exception {
        AuditResult result = new AuditEngine(CheckRegistry.of(List.of(new PassingCheck())), AuditEngine.Settings.defaults())
                .start(allPlatforms(), new CollectorRegistry(), event -> {
                    throw new IllegalStateException("window closed");
                }, () -> { }).await(5, TimeUnit.SECONDS);

        assertThat(result.findings()).singleElement().satisfies(f -> assertThat(f.status()).isEqualTo(Status.PASS));
    }
}
