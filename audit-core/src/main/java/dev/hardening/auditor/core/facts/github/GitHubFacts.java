package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** The GitHub facts that checks can ask for. */
public final class GitHubFacts {
    private GitHubFacts() {
    }

    /** What reading an organisation's 2FA lists takes (GitHub answers 403 or 422 to anyone else). */
    public static final String ORG_OWNER_NEEDED =
            "organization owner role and a token with read:org (classic) or Members: read (fine-grained)";
    /** The permission {@code GET /user/emails} takes. */
    public static final String EMAILS_PERMISSION =
            "the user:email scope (classic) or the Email addresses: read permission (fine-grained)";
    /** What reading {@code GET /user/emails} takes. */
    public static final String EMAILS_NEEDED = "a token of the account itself with " + EMAILS_PERMISSION;

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

    /** {@code GET /user/emails}: the token owner's addresses. Unavailable without a token that may read them. */
    public static final FactKey<GitHubEmails> EMAILS = FactKey.of("github.emails", Platform.GITHUB, GitHubEmails.class);

    private static final FactKey<GitHubPublicEvents> PUBLIC_EVENTS =
            FactKey.of("github.public-events", Platform.GITHUB, GitHubPublicEvents.class);
    private static final FactKey<GitHubUserRepos> USER_REPOS =
            FactKey.of("github.user-repos", Platform.GITHUB, GitHubUserRepos.class);
    private static final FactKey<GitHubRecentCommits> RECENT_COMMITS =
            FactKey.of("github.recent-commits", Platform.GITHUB, GitHubRecentCommits.class);
    private static final FactKey<GitHubGpgKeys> GPG_KEYS = FactKey.of("github.gpg-keys", Platform.GITHUB, GitHubGpgKeys.class);
    private static final FactKey<GitHubSshSigningKeys> SSH_SIGNING_KEYS =
            FactKey.of("github.ssh-signing-keys", Platform.GITHUB, GitHubSshSigningKeys.class);

    /** {@code GET /users/{login}/events/public}: the pushes among a user's public events. */
    public static FactKey<GitHubPublicEvents> publicEvents(String login) {
        return PUBLIC_EVENTS.about(login);
    }

    /** {@code GET /users/{login}/repos?type=owner&sort=pushed}: the most recently pushed public repositories a user owns. */
    public static FactKey<GitHubUserRepos> userRepos(String login) {
        return USER_REPOS.about(login);
    }

    /** The user's commits on the default branches of {@link #userRepos}, a bounded number. */
    public static FactKey<GitHubRecentCommits> recentCommits(String login) {
        return RECENT_COMMITS.about(login);
    }

    /** {@code GET /users/{login}/gpg_keys}, each {@code raw_key} parsed. */
    public static FactKey<GitHubGpgKeys> gpgKeys(String login) {
        return GPG_KEYS.about(login);
    }

    /** {@code GET /users/{login}/ssh_signing_keys}, each key parsed. */
    public static FactKey<GitHubSshSigningKeys> sshSigningKeys(String login) {
        return SSH_SIGNING_KEYS.about(login);
    }
}
