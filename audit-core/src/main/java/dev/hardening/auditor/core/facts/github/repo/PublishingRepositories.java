package dev.hardening.auditor.core.facts.github.repo;

import dev.hardening.auditor.core.facts.Unavailability;
import java.util.List;
import java.util.Optional;

/**
 * The repositories whose settings and workflows decide how the audited packages are published:
 * those linked from npm {@code repository} and PyPI {@code project_urls}, plus the audited user's own
 * repositories when a GitHub user is audited without packages.
 *
 * @param repositories one entry per repository, de-duplicated case-insensitively
 * @param ignored      links that were found but not audited, with the reason
 * @param gaps         sources that could not be read (a package's metadata, a user's repository list)
 */
public record PublishingRepositories(List<PublishingRepository> repositories, List<IgnoredLink> ignored,
                                     List<Unavailability> gaps) {
    public PublishingRepositories {
        repositories = List.copyOf(repositories);
        ignored = List.copyOf(ignored);
        gaps = List.copyOf(gaps);
    }

    /** The repositories that {@code source} (e.g. {@code npm:left-pad}) links to. */
    public List<PublishingRepository> linkedFrom(String source) {
        return repositories.stream().filter(r -> r.linkedFrom(source)).toList();
    }

    public Optional<PublishingRepository> find(RepoRef repo) {
        return repositories.stream().filter(r -> r.repo().sameAs(repo)).findFirst();
    }
}
