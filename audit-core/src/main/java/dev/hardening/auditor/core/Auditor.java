package dev.hardening.auditor.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.collect.StandardCollectors;
import dev.hardening.auditor.core.collect.StoreCollectors;
import dev.hardening.auditor.core.engine.AuditEngine;
import dev.hardening.auditor.core.engine.AuditRequest;
import dev.hardening.auditor.core.engine.AuditResult;
import dev.hardening.auditor.core.engine.AuditRun;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.http.HostCredential;
import dev.hardening.auditor.core.http.HttpClients;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.policy.Policy;
import dev.hardening.auditor.core.policy.Waivers;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.report.ToolInfo;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import okhttp3.OkHttpClient;

/**
 * The one entry point the CLI and the desktop app use: wires HTTP, clients, collectors and the
 * engine for one audit, and turns the result into a report.
 */
public final class Auditor {
    private final CheckRegistry registry;
    private final AuditorSettings settings;
    private final ObjectMapper json = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public Auditor(CheckRegistry registry, AuditorSettings settings) {
        this.registry = registry;
        this.settings = settings;
    }

    public CheckRegistry registry() {
        return registry;
    }

    public AuditorSettings settings() {
        return settings;
    }

    /** Starts an audit in the background. */
    public AuditSession start(AuditTargets targets, Policy policy, Set<String> checkIds, ProgressListener listener) {
        OkHttpClient client = HttpClients.forAudit(settings.http(), hostCredentials(), settings.sleeper(),
                settings.clock(), settings.transports());
        HttpGateway gateway = new HttpGateway(client, json, listener, settings.http().maxConcurrentPerHost());
        Clients clients = Clients.create(gateway, settings.endpoints(), settings.credentials());
        CollectorRegistry collectors = StandardCollectors.create(clients, targets, settings.local());
        StoreCollectors.register(collectors, settings.snapshotStore());
        AuditRequest request = new AuditRequest(targets, platforms(targets), checkIds, policy, settings.clock());
        AuditRun run = new AuditEngine(registry, settings.engine()).start(request, collectors, listener, gateway::cancelAll);
        var report = run.result().thenApply(result -> AuditReport.of(withWaivers(result, policy), targets.describe(),
                settings.demo(), ToolInfo.current(), gateway.stats().snapshot(), settings.clock().instant()));
        return new AuditSession(run, report, gateway.stats());
    }

    /** Waivers are the policy's, applied after the checks: a check never sees or decides them. */
    private AuditResult withWaivers(AuditResult result, Policy policy) {
        return new AuditResult(Waivers.apply(result.findings(), policy, settings.clock().instant()),
                result.checksRun(), result.startedAt(), result.finishedAt(), result.cancelled());
    }

    /** The platforms an audit can read: those its targets name, plus those a credential opens. */
    Set<Platform> platforms(AuditTargets targets) {
        Set<Platform> p = EnumSet.noneOf(Platform.class);
        p.addAll(targets.platforms());
        if (settings.credentials().github().isPresent()) {
            p.add(Platform.GITHUB);
        }
        if (settings.credentials().npm().isPresent()) {
            p.add(Platform.NPM);
        }
        // Inspected offline only: it opens the PyPI token check, never a request.
        if (settings.credentials().pypi().isPresent()) {
            p.add(Platform.PYPI);
        }
        return p;
    }

    private List<HostCredential> hostCredentials() {
        List<HostCredential> list = new ArrayList<>();
        var c = settings.credentials();
        var e = settings.endpoints();
        c.github().ifPresent(s -> list.add(HostCredential.bearer("GITHUB_TOKEN", e.githubApi(), s)));
        c.npm().ifPresent(s -> list.add(HostCredential.bearer("NPM_TOKEN", e.npmRegistry(), s)));
        c.hibp().ifPresent(s -> list.add(HostCredential.header("HIBP_API_KEY", e.hibp(), "hibp-api-key", s)));
        return list;
    }
}
