package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.pypi.PyPIUserProject;
import dev.hardening.auditor.core.facts.Collector;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.model.AuditTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code pypi.audited-projects}: the {@code --pypi-project} names and the projects of each
 * {@code --pypi-user} (PyPI's XML-RPC {@code user_packages}), without duplicates (PyPI treats
 * {@code Foo_Bar} and {@code foo-bar} as one project, PEP 503). A user whose projects could not be
 * listed becomes a gap that says why and what to do instead; the other projects are still audited.
 */
final class PyPIAuditedProjectsCollector implements Collector<NameList> {
    /** Lists a user's projects; the PyPI client in production. */
    @FunctionalInterface
    interface UserProjects {
        List<PyPIUserProject> of(String user) throws FetchException;
    }

    private final AuditTargets targets;
    private final UserProjects userProjects;

    PyPIAuditedProjectsCollector(AuditTargets targets, UserProjects userProjects) {
        this.targets = targets;
        this.userProjects = userProjects;
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
        String instead = "name the projects with --pypi-project, or list them under roster.pypi in the --policy file";
        for (String user : targets.pypiUsers()) {
            if (user.isBlank()) {
                continue;
            }
            try {
                List<PyPIUserProject> projects = userProjects.of(user.trim());
                if (projects.isEmpty()) {
                    gaps.add(Unavailability.of(Cause.NOT_FOUND,
                            "PyPI lists no project for user " + user.trim() + " (no such user, or no role on any project)",
                            "check the --pypi-user name, or " + instead));
                }
                projects.forEach(p -> byNormalisedName.putIfAbsent(normalise(p.project()), p.project()));
            } catch (FetchException e) {
                Unavailability why = e.unavailability();
                gaps.add(Unavailability.of(why.cause(), "the projects of PyPI user " + user.trim()
                        + " could not be listed: " + why.reason(), why.needed().isBlank() ? instead : why.needed() + "; or " + instead));
            }
        }
        return new NameList(new ArrayList<>(byNormalisedName.values()), gaps);
    }

    /** PEP 503 normalisation. */
    static String normalise(String name) {
        return name.trim().replaceAll("[-_.]+", "-").toLowerCase(Locale.ROOT);
    }
}
