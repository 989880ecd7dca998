package dev.hardening.auditor.core.facts.github.repo;

import java.util.Optional;

/**
 * One entry of {@code GET /repos/{o}/{r}/collaborators}.
 *
 * @param roleName {@code role_name} ({@code admin}, {@code maintain}, {@code write}, {@code triage},
 *                 {@code read} or a custom role); absent on older servers
 */
public record Collaborator(String login, String type, boolean admin, boolean maintain, boolean push,
                           Optional<String> roleName) {
    /** Whether the collaborator can push (write, maintain, admin or a custom role with write). */
    public boolean canWrite() {
        return admin || maintain || push;
    }

    /** The role to show: {@code role_name}, or the strongest permission flag. */
    public String role() {
        return roleName.orElse(admin ? "admin" : maintain ? "maintain" : push ? "write" : "read");
    }
}
