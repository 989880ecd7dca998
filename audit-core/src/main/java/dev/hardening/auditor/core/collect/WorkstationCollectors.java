package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.workstation.WorkstationFacts;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.workstation.WorkstationScanner;
import dev.hardening.auditor.core.workstation.ssh.SshKeyScanner;

/**
 * Collectors of facts about this machine (credential files, environment, SSH keys). The home is
 * read only when the audit asks for it ({@code --workstation}).
 */
final class WorkstationCollectors {
    private WorkstationCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets, LocalSources local) {
        r.register(WorkstationFacts.CREDENTIALS, (key, facts) -> {
            requireWorkstation(targets);
            return new WorkstationScanner(local.home()).scan();
        });
        r.register(WorkstationFacts.SSH_KEYS, (key, facts) -> {
            requireWorkstation(targets);
            return new SshKeyScanner(local.home()).scan();
        });
    }

    private static void requireWorkstation(AuditTargets targets) throws CollectionException {
        if (!targets.workstation()) {
            throw new CollectionException(Unavailability.of(Cause.NOT_CONFIGURED,
                    "this machine is inspected only when the audit is asked to",
                    "run the audit with --workstation"));
        }
    }
}
