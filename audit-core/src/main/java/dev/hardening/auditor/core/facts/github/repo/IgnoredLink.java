package dev.hardening.auditor.core.facts.github.repo;

/** A repository link that was not audited, and why (another host, not a repository URL, ...). */
public record IgnoredLink(RepositoryLink link, String reason) {
}
