package dev.hardening.auditor.core.facts.github.repo;

import java.util.List;

/** A repository the audit treats as publishing, with every link that named it. */
public record PublishingRepository(RepoRef repo, List<RepositoryLink> linkedFrom) {
    public PublishingRepository {
        linkedFrom = List.copyOf(linkedFrom);
    }

    /** Whether {@code source} (e.g. {@code npm:left-pad}) links to this repository. */
    public boolean linkedFrom(String source) {
        return linkedFrom.stream().anyMatch(l -> l.source().equals(source));
    }
}
