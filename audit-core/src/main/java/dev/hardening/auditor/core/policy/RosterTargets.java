package dev.hardening.auditor.core.policy;

import dev.hardening.auditor.core.model.AuditTargets;
import java.util.ArrayList;
import java.util.List;

/** The targets an audit under a policy covers: the PyPI projects named in its roster are audited too. */
public final class RosterTargets {
    private RosterTargets() {
    }

    /**
     * {@code targets} plus every {@code pypi:} project of the policy's roster not named already (PyPI
     * names compared without case), sorted; {@code targets} itself when there is nothing to add.
     */
    public static AuditTargets withRosterProjects(AuditTargets targets, Policy policy) {
        List<String> projects = new ArrayList<>(targets.pypiProjects());
        policy.rosters().keySet().stream().filter(k -> k.startsWith("pypi:")).map(k -> k.substring("pypi:".length()))
                .filter(p -> !p.isBlank() && projects.stream().noneMatch(p::equalsIgnoreCase)).sorted()
                .forEach(projects::add);
        if (projects.size() == targets.pypiProjects().size()) {
            return targets;
        }
        return new AuditTargets(targets.githubUsers(), targets.githubOrgs(), targets.npmUsers(), targets.npmPackages(),
                targets.pypiUsers(), projects, targets.emails(), targets.workstation());
    }
}
