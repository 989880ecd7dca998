package dev.hardening.auditor.core.facts.github.repo;

import java.util.List;
import java.util.Optional;

/**
 * {@code GET /repos/{o}/{r}/rulesets/{id}}.
 *
 * @param enforcement          {@code active}, {@code evaluate} or {@code disabled}
 * @param bypassActors         {@code bypass_actors}; empty (not an empty list) when GitHub hid them,
 *                             which it does for callers who cannot edit the ruleset
 * @param currentUserCanBypass {@code current_user_can_bypass}: {@code always}, {@code pull_requests_only},
 *                             {@code never}
 */
public record RepoRuleset(RepoRef repo, long id, String name, String enforcement, Optional<String> sourceType,
                          Optional<String> source, Optional<List<BypassActor>> bypassActors,
                          Optional<String> currentUserCanBypass) {
    public RepoRuleset {
        bypassActors = bypassActors.map(List::copyOf);
    }
}
