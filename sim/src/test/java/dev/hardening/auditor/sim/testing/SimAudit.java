package dev.hardening.auditor.sim.testing;

import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.AuditorSettings;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.engine.AuditEngine;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.http.internal.Sleeper;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.sim.server.SimServer;
import dev.hardening.auditor.sim.world.PyPIProject;
import dev.hardening.auditor.sim.world.World;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real auditor in-process against a simulated world: endpoints from the server's
 * {@code AUDITOR_*_URL} environment, the world's tokens, nothing read from this machine.
 */
public final class SimAudit {
    private static final CheckRegistry CHECKS = CheckRegistry.load();
    /** The engine's bound on one check: what bounds an audit against a host that never answers. */
    public static final Duration CHECK_TIMEOUT = Duration.ofSeconds(8);

    private SimAudit() {
    }

    /** Short waits: a fault costs a test at most a few seconds. No retries' real sleeps beyond a few ms. */
    public static HttpSettings fastHttp() {
        HttpSettings d = HttpSettings.defaults().withCacheDir(null);
        return new HttpSettings(d.userAgent(), d.maxResponseBytes(), Optional.empty(), d.cacheMaxBytes(),
                Duration.ofSeconds(1), 1, Duration.ofMillis(5), Duration.ofSeconds(2), Duration.ofMillis(700),
                Duration.ofSeconds(4), d.maxConcurrentPerHost());
    }

    /**
     * Waits long enough for a loaded machine (a cold JVM, a shared CPU): for audits that must reach
     * their verdicts, not for faults.
     */
    public static HttpSettings patientHttp() {
        HttpSettings d = HttpSettings.defaults().withCacheDir(null);
        return new HttpSettings(d.userAgent(), d.maxResponseBytes(), Optional.empty(), d.cacheMaxBytes(),
                Duration.ofSeconds(1), 1, Duration.ofMillis(5), Duration.ofSeconds(10), Duration.ofSeconds(20),
                Duration.ofSeconds(40), d.maxConcurrentPerHost());
    }

    public static AuditorSettings settings(SimServer server, HttpSettings http) {
        return settings(server, http, CHECK_TIMEOUT);
    }

    /** Settings for audits that must reach their verdicts on a loaded machine. */
    public static AuditorSettings patient(SimServer server) {
        return settings(server, patientHttp(), Duration.ofSeconds(60));
    }

    public static AuditorSettings settings(SimServer server, HttpSettings http, Duration checkTimeout) {
        Endpoints endpoints = Endpoints.fromEnvironment(server.environment());
        Credentials credentials = new Credentials(Optional.of(Secret.of(World.GITHUB_TOKEN)),
                Optional.of(Secret.of(World.NPM_TOKEN)), Optional.of(Secret.of(World.HIBP_KEY)));
        return new AuditorSettings(endpoints, credentials, http, new AuditEngine.Settings(8, checkTimeout),
                Clock.systemUTC(), Sleeper.REAL, List.of(), false, LocalSources.none(), Optional.empty());
    }

    /** The benchmark's targets: the organisation, the owner's npm packages and every PyPI project. */
    public static AuditTargets targets(World world) {
        return new AuditTargets(List.of(), List.of(world.org()), List.of(world.owner().login()), List.of(), List.of(),
                world.pypiProjects().stream().map(PyPIProject::name).toList(), List.of(), false);
    }

    /** An audit that must reach its verdicts (patient settings). */
    /** Audits the server's world; on return the server's log holds every exchange of the audit. */
    public static AuditReport run(SimServer server) throws Exception {
        AuditReport report = run(new Auditor(CHECKS, patient(server)), server.world());
        if (!server.log().awaitIdle(Duration.ofSeconds(10))) {
            throw new IllegalStateException("the simulated server still has requests in flight 10 s after the audit");
        }
        return report;
    }

    public static AuditReport run(Auditor auditor, World world) throws Exception {
        return auditor.start(targets(world), Policy.none(), Set.of(), ProgressListener.NONE).report()
                .get(120, TimeUnit.SECONDS);
    }

    public static CheckRegistry checks() {
        return CHECKS;
    }
}
