package dev.hardening.auditor.core.facts.github;

import java.util.List;

/**
 * The logins an organisation lists under one filter: its members, or its outside collaborators.
 *
 * @param outsideCollaborators whether this is {@code outside_collaborators} rather than {@code members}
 */
public record GitHubOrgPeople(String org, MemberFilter filter, boolean outsideCollaborators, List<String> logins) {
    public GitHubOrgPeople {
        logins = List.copyOf(logins);
    }
}
