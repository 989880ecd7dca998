package dev.hardening.auditor.core.facts.github.repo;

import java.util.Optional;

/**
 * One entry of a ruleset's {@code bypass_actors}.
 *
 * @param actorType  {@code RepositoryRole}, {@code OrganizationAdmin}, {@code Team}, {@code Integration},
 *                   {@code DeployKey}, ...
 * @param actorId    {@code actor_id} (for {@code RepositoryRole}: 5 is admin, 4 write, 2 maintain)
 * @param bypassMode {@code always} or {@code pull_request}
 */
public record BypassActor(String actorType, Optional<Long> actorId, String bypassMode) {
    /** "RepositoryRole 5 (admin), always". */
    public String describe() {
        String role = "RepositoryRole".equals(actorType) ? actorId.map(BypassActor::roleName).orElse("") : "";
        return actorType + actorId.map(id -> " " + id).orElse("") + (role.isEmpty() ? "" : " (" + role + ")")
                + (bypassMode.isEmpty() ? "" : ", " + bypassMode);
    }

    private static String roleName(long id) {
        return switch ((int) id) {
            case 1 -> "read";
            case 2 -> "maintain";
            case 3 -> "triage";
            case 4 -> "write";
            case 5 -> "admin";
            default -> "";
        };
    }
}
