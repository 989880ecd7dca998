package dev.hardening.auditor.core.facts.github.repo;

/**
 * Why a repository is audited: which package (or account) links to it, from which field, and the
 * link as published.
 *
 * @param source e.g. {@code npm:left-pad}, {@code pypi:requests}, {@code github-user:octocat}
 * @param field  e.g. {@code repository}, {@code project_urls.Source}, {@code GET /users/octocat/repos}
 * @param link   the value as published (not normalised)
 */
public record RepositoryLink(String source, String field, String link) {
    /** One line for evidence: {@code npm:left-pad (repository: git+https://github.com/o/r.git)}. */
    public String describe() {
        return source + " (" + field + ": " + link + ")";
    }
}
