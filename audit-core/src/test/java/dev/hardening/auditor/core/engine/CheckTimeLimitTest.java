package dev.hardening.auditor.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A check is stopped after its limit without progress, or after ten times its limit in any case. */
class CheckTimeLimitTest {
    private static final long S = 1_000_000_000L;
    private static final CheckTimeLimit LIMIT = new CheckTimeLimit(Duration.ofSeconds(120));

    static Stream<Arguments> cases() {
        return Stream.of(
                // started, last progress, now (seconds) -> stop?, wait (s) or reason fragment
                Arguments.of("no progress yet, under the limit", 0, -50, 60, false, "60"),
                Arguments.of("no progress for the whole limit", 0, -50, 120, true, "within 120 s while the audit collected nothing"),
                Arguments.of("progress before the check started does not count", 100, 0, 220, true, "collected nothing"),
                Arguments.of("recent progress keeps a long check going", 0, 300, 400, false, "20"),
                Arguments.of("progress just now: a full limit more", 0, 500, 500, false, "120"),
                Arguments.of("idle past the limit after progress", 0, 300, 420, true, "collected nothing"),
                Arguments.of("the hard limit ends it despite progress", 0, 1199, 1200, true, "within 1200 s (10 times the time limit of 120 s)"),
                Arguments.of("waits no longer than the hard limit", 0, 1150, 1160, false, "40"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void decides(String name, long started, long progress, long now, boolean stops, String expected) {
        CheckTimeLimit.Decision d = LIMIT.decide(started * S, progress * S, now * S);
        if (stops) {
            assertThat(d).isInstanceOf(CheckTimeLimit.Decision.Stop.class);
            assertThat(((CheckTimeLimit.Decision.Stop) d).reason()).contains(expected);
        } else {
            assertThat(d).isInstanceOf(CheckTimeLimit.Decision.WaitMore.class);
            assertThat(((CheckTimeLimit.Decision.WaitMore) d).nanos()).isEqualTo(Long.parseLong(expected) * S);
        }
    }
}
