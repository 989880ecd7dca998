package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.AuditSession;
import dev.hardening.auditor.core.Auditor;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.demo.DemoWorld;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.policy.Policy;
import java.util.Set;

/** Runs every check against the bundled offline demo world: no token, no network. */
public final class DemoAuditLauncher implements AuditLauncher {
    private final CheckRegistry registry;

    public DemoAuditLauncher(CheckRegistry registry) {
        this.registry = registry;
    }

    @Override
    public AuditHandle start(ProgressListener listener) {
        Auditor auditor = new Auditor(registry, DemoWorld.settings(HttpSettings.defaults()));
        Policy policy = DemoWorld.policy();
        AuditSession session = auditor.start(DemoWorld.targets(), policy, Set.of(), listener);
        return new AuditHandle(session.report(), session::cancel, policy.sha256());
    }
}
