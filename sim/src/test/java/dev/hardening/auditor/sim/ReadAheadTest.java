package dev.hardening.auditor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.sim.bound.RequestPlan;
import dev.hardening.auditor.sim.server.ConcurrencyGate;
import dev.hardening.auditor.sim.server.Fault;
import dev.hardening.auditor.sim.server.FaultRule;
import dev.hardening.auditor.sim.server.Host;
import dev.hardening.auditor.sim.server.SimServer;
import dev.hardening.auditor.sim.testing.SimAudit;
import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The facts layer reads subjects ahead, several at once per host: each host's gate holds its
 * per-subject requests until {@value #TOGETHER} are in flight at once, which an audit that walks its
 * subjects one request at a time never reaches. Still every planned resource is asked for exactly
 * once, and a fact that fails while read ahead is UNKNOWN only where it is read.
 */
class ReadAheadTest {
    private static final int TOGETHER = 4;
    private static final Duration PATIENCE = Duration.ofSeconds(10);

    private static World world;
    private static final Map<Host, ConcurrencyGate> gates = new EnumMap<>(Host.class);
    private static Map<String, Integer> asked;
    private static AuditReport gated;
    private static AuditReport faulted;
    private static String faultedPackage;

    @BeforeAll
    static void audit() throws Exception {
        world = WorldGenerator.generate(new WorldSpec(12, 8, 6, 6, 4, 4, 11L, WorldSpec.small().now()));
        try (SimServer server = SimServer.start(world)) {
            // Per-subject requests only: an account's own requests (profile, listings) come one at a time by nature.
            for (Host h : List.of(Host.GITHUB, Host.NPM, Host.PYPI, Host.FILES)) {
                gates.put(h, new ConcurrencyGate(TOGETHER, PATIENCE, r -> switch (h) {
                    // The repositories' requests; a user's recent commits are read repository after repository.
                    case GITHUB -> r.segments().size() >= 3 && r.segments().get(0).equals("repos") && !r.segments().contains("commits");
                    case NPM -> !r.segments().isEmpty() && !r.segments().get(0).equals("-");
                    default -> true;
                }));
                server.gate(h, gates.get(h));
            }
            gated = SimAudit.run(server);
            asked = server.log().countByResource();
        }
        faultedPackage = world.npmPackages().get(0).name();
        try (SimServer server = SimServer.start(world)) {
            server.fault(FaultRule.always(Host.NPM, r -> r.segments().equals(List.of(faultedPackage)), Fault.INVALID_JSON));
            faulted = SimAudit.run(server);
        }
    }

    @Test
    void every_host_had_its_subjects_requests_in_flight_at_once() {
        gates.forEach((host, gate) -> assertThat(gate.opened())
                .as("%d requests in flight at once on %s", TOGETHER, host).isTrue());
    }

    @Test
    void reading_ahead_asks_for_exactly_the_planned_resources_each_once() {
        RequestPlan.Deviations d = RequestPlan.of(world, RequestPlan.NETWORK_CHECKS).deviations(asked);

        assertThat(d.outsidePlan()).as("requested but not in the plan").isEmpty();
        assertThat(d.neverRequested()).as("planned but never requested").isEmpty();
        assertThat(d.repeated()).as("requested more than once").isEmpty();
    }

    @Test
    void a_packument_that_fails_is_unknown_where_it_is_read_and_nowhere_else() {
        String subject = "npm:" + faultedPackage;
        List<Finding> ofIt = faulted.findings().stream().filter(f -> f.subject().equals(subject)).toList();
        assertThat(ofIt).as("findings about %s", subject).isNotEmpty()
                .allSatisfy(f -> assertThat(f.status()).as(f.check()).isEqualTo(Status.UNKNOWN));

        Function<Finding, String> id = f -> f.check() + " " + f.subject();
        Map<String, Status> before = gated.findings().stream().collect(Collectors.toMap(id, Finding::status, (a, b) -> a));
        List<Finding> newlyUnknown = faulted.findings().stream()
                .filter(f -> f.status() == Status.UNKNOWN && before.get(id.apply(f)) != Status.UNKNOWN).toList();
        assertThat(newlyUnknown).as("UNKNOWN only where the packument is read")
                .allSatisfy(f -> assertThat(f.subject().equals(subject) || f.message().contains(faultedPackage))
                        .as("%s %s: %s", f.check(), f.subject(), f.message()).isTrue());
        // The other packages keep their verdicts.
        faulted.findings().stream().filter(f -> f.subject().startsWith("npm:") && !f.subject().equals(subject))
                .forEach(f -> assertThat(f.status()).as(id.apply(f)).isEqualTo(before.get(id.apply(f))));
    }
}
