package dev.hardening.auditor.sim;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.sim.bound.RequestPlan;
import dev.hardening.auditor.sim.server.RequestLog;
import dev.hardening.auditor.sim.server.SimServer;
import dev.hardening.auditor.sim.testing.SimAudit;
import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real auditor (clients, collectors, checks) against a simulated world: every endpoint it calls
 * is served in a shape its parsers accept, and it asks for exactly what the lower-bound plan says.
 */
class SimulatedAuditTest {
    /** Findings that are UNKNOWN or NOT_APPLICABLE whatever the world: they need no network. */
    private static final Set<String> OFFLINE_ONLY = Set.of("account.mfa-method", "pypi.token-scope", "password.pwned",
            "compliance.snapshot-age");

    private static World world;
    private static SimServer server;
    private static AuditReport report;
    private static RequestLog log;

    @BeforeAll
    static void audit() throws Exception {
        world = WorldGenerator.generate(new WorldSpec(12, 8, 6, 4, 4, 4, 11L, WorldSpec.small().now()));
        server = SimServer.start(world);
        report = SimAudit.run(server);
        log = server.log();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void every_network_check_reaches_a_verdict_from_the_simulated_answers() {
        Map<String, String> unknown = new LinkedHashMap<>();
        for (Finding f : report.findings()) {
            if (f.status() == Status.UNKNOWN && !OFFLINE_ONLY.contains(f.check())) {
                unknown.put(f.check() + " " + f.subject(), f.message());
            }
        }
        assertThat(unknown).as("findings the simulated answers could not decide").isEmpty();
        Set<String> decided = new TreeSet<>();
        report.findings().stream().filter(f -> f.status() == Status.PASS || f.status() == Status.FAIL
                || f.status() == Status.WARN).forEach(f -> decided.add(f.check()));
        Set<String> expected = new TreeSet<>(RequestPlan.NETWORK_CHECKS);
        expected.removeAll(OFFLINE_ONLY);
        assertThat(decided).containsAll(expected);
    }

    @Test
    void the_world_gives_a_mix_of_verdicts() {
        assertThat(report.summary().get(Status.PASS)).isPositive();
        assertThat(report.summary().get(Status.FAIL)).isPositive();
        assertThat(report.summary().get(Status.WARN)).isPositive();
    }

    @Test
    void the_audit_asks_for_exactly_the_planned_resources_each_once() {
        RequestPlan.Deviations d = RequestPlan.of(world, RequestPlan.NETWORK_CHECKS).deviations(log.countByResource());

        assertThat(d.outsidePlan()).as("requested but not in the plan").isEmpty();
        assertThat(d.neverRequested()).as("planned but never requested").isEmpty();
        assertThat(d.repeated()).as("requested more than once").isEmpty();
    }

    @Test
    void only_loopback_hosts_were_contacted_and_every_answer_was_a_success_or_a_planned_404() {
        // The log sees only what reached the simulated hosts; what could go elsewhere is the endpoints.
        var endpoints = SimAudit.settings(server, SimAudit.fastHttp()).endpoints();
        assertThat(java.util.stream.Stream.of(endpoints.githubApi(), endpoints.npmRegistry(), endpoints.pypi(),
                endpoints.hibp(), endpoints.pwnedPasswords(), endpoints.rdap().orElseThrow()))
                .allSatisfy(url -> assertThat(dev.hardening.auditor.core.http.LoopbackHosts.isLoopback(url.host()))
                        .as(url.toString()).isTrue());
        assertThat(log.entries()).isNotEmpty().allSatisfy(e -> assertThat(e.status()).isIn(200, 206, 404));
    }
}
