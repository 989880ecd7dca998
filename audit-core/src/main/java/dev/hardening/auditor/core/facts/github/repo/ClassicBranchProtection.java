package dev.hardening.auditor.core.facts.github.repo;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /repos/{o}/{r}/branches/{branch}/protection}: classic branch protection, or its absence
 * (GitHub answers 404 with the message "Branch not protected"). Every setting is empty when GitHub
 * did not send it, so that a missing field is never read as "off".
 *
 * @param present                  false when GitHub said "Branch not protected"
 * @param requiredApprovingReviews {@code required_pull_request_reviews.required_approving_review_count};
 *                                 0 when the block is absent (no pull request required)
 * @param enforceAdmins            {@code enforce_admins.enabled}
 * @param allowForcePushes         {@code allow_force_pushes.enabled}
 * @param allowDeletions           {@code allow_deletions.enabled}
 * @param requiredSignatures       {@code required_signatures.enabled}
 * @param requiredStatusChecks     the contexts of {@code required_status_checks}
 */
public record ClassicBranchProtection(RepoRef repo, String branch, boolean present,
                                      Optional<Integer> requiredApprovingReviews, Optional<Boolean> requireCodeOwnerReviews,
                                      Optional<Boolean> enforceAdmins, Optional<Boolean> allowForcePushes,
                                      Optional<Boolean> allowDeletions, Optional<Boolean> requiredSignatures,
                                      Optional<Boolean> requiredLinearHistory, List<String> requiredStatusChecks) {
    public ClassicBranchProtection {
        requiredStatusChecks = List.copyOf(requiredStatusChecks);
    }

    public static ClassicBranchProtection notProtected(RepoRef repo, String branch) {
        return new ClassicBranchProtection(repo, branch, false, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), List.of());
    }
}
