package dev.hardening.auditor.core.facts.github.repo;

import java.util.Optional;

/**
 * {@code GET /repos/{owner}/{repo}}.
 *
 * @param repo          the repository as GitHub names it now (after a rename, the new name)
 * @param defaultBranch {@code default_branch}
 * @param visibility    {@code visibility} ({@code public}, {@code private}, {@code internal}); derived from
 *                      {@code private} on servers that do not send it
 * @param permissions   the token account's role, absent without a token
 */
public record GitHubRepository(RepoRef repo, String defaultBranch, String visibility, boolean archived, boolean fork,
                               Optional<RepoPermissions> permissions) {
}
