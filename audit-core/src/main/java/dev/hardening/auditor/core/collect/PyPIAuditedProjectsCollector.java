package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.facts.Collector;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.model.AuditTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pypi.audited-projects}: the {@code --pypi-project} names, without duplicates (PyPI treats
 * {@code Foo_Bar} and {@code foo-bar} as one project, PEP 503). PyPI has no JSON API that lists a
 * user's projects, so each {@code --pypi-user} becomes a gap that says what to do instead.
 */
final class PyPIAuditedProjectsCollector implements Collector<NameList> {
    private final AuditTargets targets;

    PyPIAuditedProjectsCollector(AuditTargets targets) {
        this.targets = targets;
    }

    @Override
    public NameList collect(FactKey<NameList> key, Facts facts) {
        Map<String, String> byNormalisedName = new LinkedHashMap<>();
        for (String p : targets.pypiProjects()) {
            if (!p.isBlank()) {
                byNormalisedName.putIfAbsent(normalise(p), p.trim());
            }
        }
        List<Unavailability> gaps = new ArrayList<>();
        for (String user : targets.pypiUsers()) {
            gaps.add(Unavailability.of(Cause.NOT_CONFIGURED,
                    "PyPI has no JSON API that lists the projects of user " + user,
                    "name " + user + "'s projects with --pypi-project, or list them under roster.pypi in the --policy file"));
        }
        return new NameList(new ArrayList<>(byNormalisedName.values()), gaps);
    }

    /** PEP 503 normalisation. */
    static String normalise(String name) {
        return name.trim().replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }
}
