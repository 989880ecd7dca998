package dev.hardening.auditor.sim.world;

import java.util.List;
import java.util.Optional;

/**
 * A repository of the organisation.
 *
 * @param protection  how its default branch is protected
 * @param rulesetId   the ruleset that applies, when {@code protection} is RULESET
 * @param workflows   file names in .github/workflows, each with its text
 * @param environment the environment its publish job names (looked up by the audit), if any
 * @param outsideAdmin an outside collaborator with admin rights, if any
 * @param writeDeployKey whether a deploy key can push
 */
public record Repository(String owner, String name, long id, String defaultBranch, boolean archived, Protection protection,
                         long rulesetId, List<Workflow> workflows, Optional<String> environment, boolean environmentProtected,
                         Optional<String> outsideAdmin, boolean writeDeployKey) {

    public enum Protection { RULESET, CLASSIC, CLASSIC_WEAK, NONE }

    /** A workflow file. */
    public record Workflow(String name, String text) {
    }

    public String fullName() {
        return owner + "/" + name;
    }
}
