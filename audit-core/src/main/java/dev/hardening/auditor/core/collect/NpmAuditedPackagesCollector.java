package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.npm.NpmRegistryClient;
import dev.hardening.auditor.core.facts.Collector;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmUserPackages;
import dev.hardening.auditor.core.model.AuditTargets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code npm.audited-packages}: {@code --npm-package} plus the packages of each {@code --npm-user},
 * without duplicates. A user whose packages cannot be listed becomes a gap; the rest are audited.
 */
final class NpmAuditedPackagesCollector implements Collector<NameList> {
    private final AuditTargets targets;

    NpmAuditedPackagesCollector(AuditTargets targets) {
        this.targets = targets;
    }

    @Override
    public NameList collect(FactKey<NameList> key, Facts facts) {
        Set<String> names = new LinkedHashSet<>();
        List<Unavailability> gaps = new ArrayList<>();
        for (String p : targets.npmPackages()) {
            if (!p.isBlank()) {
                names.add(p.trim());
            }
        }
        for (String user : targets.npmUsers()) {
            Fact<NpmUserPackages> fact = facts.lookup(NpmFacts.userPackages(user));
            if (fact instanceof Fact.Available<NpmUserPackages> a) {
                names.addAll(a.value().packages());
                if (a.value().packages().size() >= NpmRegistryClient.MAX_USER_PACKAGES) {
                    gaps.add(Unavailability.of(Cause.TOO_LARGE, "npm user " + user + " maintains at least "
                                    + NpmRegistryClient.MAX_USER_PACKAGES + " packages; only the first "
                                    + NpmRegistryClient.MAX_USER_PACKAGES + " are audited",
                            "name the packages to audit with --npm-package"));
                }
            } else if (fact instanceof Fact.Unavailable<NpmUserPackages> u) {
                gaps.add(u.unavailability());
            }
        }
        return new NameList(new ArrayList<>(names), gaps);
    }
}
