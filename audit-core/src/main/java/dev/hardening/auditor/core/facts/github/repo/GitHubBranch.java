package dev.hardening.auditor.core.facts.github.repo;

/**
 * {@code GET /repos/{o}/{r}/branches/{branch}}: readable by anyone who can read the repository.
 * {@code protected} is true when classic protection or a ruleset applies, so false proves there is
 * neither, without the admin rights that the protection endpoint needs.
 */
public record GitHubBranch(RepoRef repo, String name, boolean isProtected) {
}
