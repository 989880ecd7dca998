package dev.hardening.auditor.checks.compliance.snapshotage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.store.LastSnapshot;
import dev.hardening.auditor.core.facts.store.StoreFacts;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.policy.PolicyLoader;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SnapshotAgeCheckTest {
    private static final Instant NOW = CheckHarness.DEFAULT_NOW;
    private static final CheckHarness HARNESS = CheckHarness.of(new SnapshotAgeCheck()).policy(policy("7d"));

    static Stream<Arguments> ages() {
        return Stream.of(
                Arguments.of("taken an hour ago", Duration.ofHours(1), Status.PASS, "1 hour ago"),
                Arguments.of("exactly at the cadence", Duration.ofDays(7), Status.PASS, "7 days ago"),
                Arguments.of("a minute past the cadence", Duration.ofDays(7).plusMinutes(1), Status.FAIL, "was due on"),
                Arguments.of("a month old", Duration.ofDays(30), Status.FAIL, "30 days ago"),
                Arguments.of("clock skew: in the future", Duration.ofHours(-2), Status.PASS, "0 minutes ago"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ages")
    void the_age_of_the_last_snapshot_is_judged_against_the_cadence(String name, Duration age, Status expected,
                                                                     String message) {
        FakeFacts facts = FakeFacts.none().with(StoreFacts.LAST_SNAPSHOT,
                new LastSnapshot("/data/snapshots.db", Optional.of(NOW.minus(age)), 12, 12));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.subject()).isEqualTo("snapshots");
        assertThat(finding.message()).contains(message);
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.value()).isEqualTo("one snapshot every 7 days"));
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.value()).startsWith("#12 taken "));
    }

    @Test
    void no_snapshot_at_all_fails() {
        Finding finding = HARNESS.runSingle(FakeFacts.none().with(StoreFacts.LAST_SNAPSHOT,
                LastSnapshot.none("/data/snapshots.db")));

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.message()).contains("No snapshot has been taken yet", "every 7 days");
    }

    @Test
    void a_policy_without_cadence_makes_the_check_not_applicable_without_reading_the_store() {
        FakeFacts facts = FakeFacts.none();

        Finding finding = HARNESS.policy(Policy.none()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(finding.message()).contains("snapshots.cadence");
        assertThat(facts.lookedUp()).isEmpty();
    }

    @Test
    void an_unreadable_store_is_unknown_with_the_reason() {
        FakeFacts facts = FakeFacts.none().unavailable(StoreFacts.LAST_SNAPSHOT,
                Unavailability.of(Cause.MALFORMED, "x.db is not a snapshot database", "a readable snapshot database"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.message()).contains("not a snapshot database");
        assertThat(finding.needed()).contains("snapshot database");
    }

    @Test
    void a_daily_cadence_in_words_reads_as_one_day() {
        FakeFacts facts = FakeFacts.none().with(StoreFacts.LAST_SNAPSHOT,
                new LastSnapshot("db", Optional.of(NOW.minus(Duration.ofHours(25))), 3, 3));

        Finding finding = HARNESS.policy(policy("daily")).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.message()).contains("every 1 day");
    }

    private static Policy policy(String cadence) {
        try {
            return PolicyLoader.parse(("snapshots:\n  cadence: " + cadence + "\n").getBytes(StandardCharsets.UTF_8),
                    "team.yaml");
        } catch (PolicyLoader.InvalidPolicyException e) {
            throw new AssertionError(e);
        }
    }
}
