package dev.hardening.auditor.core.facts.github.repo;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /repos/{o}/{r}/environments/{name}}.
 *
 * @param exists               false when GitHub has no such environment (404): a workflow that names it
 *                             creates it on first use, unprotected
 * @param protectionRuleTypes  {@code protection_rules[].type}: {@code required_reviewers},
 *                             {@code wait_timer}, {@code branch_policy}
 * @param requiredReviewers    how many reviewers the {@code required_reviewers} rule names
 * @param protectedBranchesOnly {@code deployment_branch_policy.protected_branches}
 * @param customBranchPolicies {@code deployment_branch_policy.custom_branch_policies}
 */
public record DeploymentEnvironment(RepoRef repo, String name, boolean exists, List<String> protectionRuleTypes,
                                    int requiredReviewers, Optional<Boolean> protectedBranchesOnly,
                                    Optional<Boolean> customBranchPolicies) {
    public DeploymentEnvironment {
        protectionRuleTypes = List.copyOf(protectionRuleTypes);
    }

    /** Whether a deployment to it has to pass a reviewer or a branch restriction. */
    public boolean isProtected() {
        return exists && (requiredReviewers > 0 || protectedBranchesOnly.orElse(false) || customBranchPolicies.orElse(false));
    }
}
