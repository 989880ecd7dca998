package dev.hardening.auditor.sim.bound;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.sim.server.Host;
import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LowerBoundTest {
    private static final World WORLD = WorldGenerator.generate(new WorldSpec(12, 8, 6, 4, 4, 4, 11L, WorldSpec.small().now()));
    private static final RequestPlan PLAN = RequestPlan.of(WORLD, RequestPlan.NETWORK_CHECKS);

    private static Map<Host, Duration> everywhere(long ms) {
        Map<Host, Duration> m = new EnumMap<>(Host.class);
        for (Host h : Host.values()) {
            m.put(h, Duration.ofMillis(ms));
        }
        return m;
    }

    @ParameterizedTest
    @CsvSource({"50, 1", "50, 8", "50, 64", "10, 8"})
    void the_bound_is_at_least_each_hosts_queue_and_the_longest_chain(long latencyMs, int perHost) {
        LowerBound.Result r = LowerBound.of(PLAN, everywhere(latencyMs), perHost);

        PLAN.countByHost().forEach((host, n) -> assertThat(r.time())
                .as(host.toString()).isGreaterThanOrEqualTo(Duration.ofMillis(latencyMs * ((n + perHost - 1) / perHost))));
        assertThat(r.time()).isGreaterThanOrEqualTo(Duration.ofMillis(latencyMs * r.chainLength()));
        assertThat(r.chainLength()).isGreaterThan(1);
    }

    @ParameterizedTest
    @CsvSource({"1, 8", "8, 64"})
    void more_concurrency_never_raises_the_bound_and_more_latency_never_lowers_it(int fewer, int more) {
        assertThat(LowerBound.of(PLAN, everywhere(50), more).time())
                .isLessThanOrEqualTo(LowerBound.of(PLAN, everywhere(50), fewer).time());
        assertThat(LowerBound.of(PLAN, everywhere(100), fewer).time())
                .isGreaterThan(LowerBound.of(PLAN, everywhere(50), fewer).time());
    }

    @ParameterizedTest
    @CsvSource({"0.5", "1", "2"})
    void the_plan_grows_with_the_world(double factor) {
        WorldSpec base = new WorldSpec(20, 20, 6, 10, 4, 10, 5L, WorldSpec.small().now());
        int small = RequestPlan.of(WorldGenerator.generate(base), RequestPlan.NETWORK_CHECKS).size();
        int scaled = RequestPlan.of(WorldGenerator.generate(base.scaled(factor)), RequestPlan.NETWORK_CHECKS).size();

        if (factor > 1) {
            assertThat(scaled).isGreaterThan(small);
        } else if (factor < 1) {
            assertThat(scaled).isLessThan(small);
        } else {
            assertThat(scaled).isEqualTo(small);
        }
    }
}
