package dev.hardening.auditor.core.facts.github.repo;

/**
 * What the token's account may do in a repository ({@code permissions} of {@code GET /repos/{o}/{r}},
 * present only for authenticated requests). It is the account's role, not the token's grant: a
 * fine-grained token may still lack the permission an endpoint needs.
 */
public record RepoPermissions(boolean admin, boolean maintain, boolean push, boolean triage, boolean pull) {
}
