package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** The GitHub facts that checks can ask for. */
public final class GitHubFacts {
    private GitHubFacts() {
    }

    /** {@code GET /user} with the supplied token. Unavailable without a token. */
    public static final FactKey<GitHubViewer> VIEWER = FactKey.of("github.viewer", Platform.GITHUB, GitHubViewer.class);

    private static final FactKey<GitHubUser> USER = FactKey.of("github.user", Platform.GITHUB, GitHubUser.class);

    /** {@code GET /users/{login}}. */
    public static FactKey<GitHubUser> user(String login) {
        return USER.about(login);
    }

    private static final FactKey<GitHubOrg> ORG = FactKey.of("github.org", Platform.GITHUB, GitHubOrg.class);
    private static final FactKey<GitHubOrgPeople> ORG_MEMBERS =
            FactKey.of("github.org-members", Platform.GITHUB, GitHubOrgPeople.class);
    private static final FactKey<GitHubOrgPeople> ORG_OUTSIDE_COLLABORATORS =
            FactKey.of("github.org-outside-collaborators", Platform.GITHUB, GitHubOrgPeople.class);

    /** {@code GET /orgs/{org}}. */
    public static FactKey<GitHubOrg> org(String login) {
        return ORG.about(login);
    }

    /** {@code GET /orgs/{org}/members?filter=...} (all pages); subject {@code org/filter}. */
    public static FactKey<GitHubOrgPeople> orgMembers(String org, MemberFilter filter) {
        return ORG_MEMBERS.about(org + "/" + filter.query());
    }

    /** {@code GET /orgs/{org}/outside_collaborators?filter=...} (all pages); subject {@code org/filter}. */
    public static FactKey<GitHubOrgPeople> orgOutsideCollaborators(String org, MemberFilter filter) {
        return ORG_OUTSIDE_COLLABORATORS.about(org + "/" + filter.query());
    }
}
