package dev.hardening.auditor.core.facts.github;

/** The account that owns the supplied token, and what the token is ({@code GET /user}). */
public record GitHubViewer(GitHubUser user, GitHubTokenInfo token) {
}
