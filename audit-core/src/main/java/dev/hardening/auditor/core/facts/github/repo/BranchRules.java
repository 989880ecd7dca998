package dev.hardening.auditor.core.facts.github.repo;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The rules that rulesets (repository, organisation, enterprise) apply to one branch, from
 * {@code GET /repos/{o}/{r}/rules/branches/{branch}}; readable by anyone who can read the repository.
 * Only active rulesets appear (not those in "evaluate" or "disabled" mode).
 */
public record BranchRules(RepoRef repo, String branch, List<BranchRule> rules) {
    public BranchRules {
        rules = List.copyOf(rules);
    }

    /** The ids of the rulesets that contribute rules, in order of appearance. */
    public Set<Long> rulesetIds() {
        Set<Long> ids = new LinkedHashSet<>();
        rules.forEach(r -> r.rulesetId().ifPresent(ids::add));
        return ids;
    }
}
