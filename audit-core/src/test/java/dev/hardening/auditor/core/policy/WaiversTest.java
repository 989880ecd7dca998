package dev.hardening.auditor.core.policy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WaiversTest {
    private static final Policy POLICY = policy();

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a day before the expiry", "2026-09-29T12:00:00Z", true),
                Arguments.of("the last second of the expiry day", "2026-09-30T23:59:59Z", true),
                Arguments.of("the first second after it", "2026-10-01T00:00:00Z", false),
                Arguments.of("a month later", "2026-10-30T00:00:00Z", false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void a_waiver_holds_through_its_expiry_day_and_the_finding_keeps_its_status(String name, String now, boolean active) {
        Finding fail = ReportBuilder.finding("publishers.roster", "npm:left-pad", Status.FAIL);

        Finding waived = Waivers.apply(List.of(fail), POLICY, Instant.parse(now)).get(0);

        assertThat(waived.status()).isEqualTo(Status.FAIL);
        assertThat(waived.waiver()).hasValueSatisfying(w -> {
            assertThat(w.active()).isEqualTo(active);
            assertThat(w.owner()).isEqualTo("alice");
        });
        assertThat(waived.isWaived()).isEqualTo(active);
    }

    @ParameterizedTest(name = "{0} is left alone")
    @MethodSource("untouched")
    void waivers_touch_only_their_own_check_and_subject_and_only_findings_that_call_for_attention(String name, Finding f) {
        assertThat(Waivers.apply(List.of(f), POLICY, Instant.parse("2026-06-01T00:00:00Z")).get(0).waiver()).isEmpty();
    }

    static Stream<Arguments> untouched() {
        return Stream.of(
                Arguments.of("another subject", ReportBuilder.finding("publishers.roster", "npm:right-pad", Status.FAIL)),
                Arguments.of("another check", ReportBuilder.finding("npm.2fa", "npm:left-pad", Status.FAIL)),
                Arguments.of("a PASS", ReportBuilder.finding("publishers.roster", "npm:left-pad", Status.PASS)));
    }

    private static Policy policy() {
        String yaml = """
                waivers:
                  - {check: publishers.roster, subject: "npm:left-pad", owner: bob, justification: old, expires: 2026-01-31}
                  - {check: publishers.roster, subject: "npm:left-pad", owner: alice, justification: onboarding, expires: 2026-09-30}
                """;
        try {
            return PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "team.yaml");
        } catch (PolicyLoader.InvalidPolicyException e) {
            throw new AssertionError(e);
        }
    }
}
