package dev.hardening.auditor.core.facts.github.repo;

import java.util.List;

/**
 * A filtered collaborator list of one repository.
 *
 * @param query     the query that produced it, e.g. {@code affiliation=outside}
 * @param truncated whether more pages existed than were read
 */
public record Collaborators(RepoRef repo, String query, List<Collaborator> people, boolean truncated) {
    public Collaborators {
        people = List.copyOf(people);
    }
}
