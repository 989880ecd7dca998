package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.github.GitHubEmails;
import dev.hardening.auditor.core.facts.github.GitHubAuthKeys;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubGpgKeys;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKeys;
import dev.hardening.auditor.core.facts.github.MemberFilter;
import dev.hardening.auditor.core.model.AuditTargets;

/** Collectors of GitHub account and organisation facts. */
final class GitHubCollectors {
    private GitHubCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
        r.register(GitHubFacts.VIEWER, (key, facts) -> clients.github().viewer());
        r.register(GitHubFacts.user(""), (key, facts) -> clients.github().user(key.subject()));
        // Whose addresses they are comes from GET /user, read once for every check.
        r.register(GitHubFacts.EMAILS, (key, facts) ->
                new GitHubEmails(facts.require(GitHubFacts.VIEWER).user().login(), clients.github().emails()));
        r.register(GitHubFacts.publicEvents(""), (key, facts) -> clients.github().publicEvents(key.subject()));
        r.register(GitHubFacts.userRepos(""), (key, facts) -> clients.github().userRepos(key.subject()));
        r.register(GitHubFacts.recentCommits(""), new RecentCommitsCollector(clients.github()));
        r.register(GitHubFacts.gpgKeys(""), (key, facts) ->
                new GitHubGpgKeys(key.subject(), clients.github().gpgKeys(key.subject())));
        r.register(GitHubFacts.sshSigningKeys(""), (key, facts) ->
                new GitHubSshSigningKeys(key.subject(), clients.github().sshSigningKeys(key.subject())));
        r.register(GitHubFacts.org(""), (key, facts) -> clients.github().org(key.subject()));
        r.register(GitHubFacts.orgMembers("", MemberFilter.ALL), (key, facts) ->
                clients.github().orgMembers(org(key.subject()), filter(key.subject())));
        r.register(GitHubFacts.orgOutsideCollaborators("", MemberFilter.ALL), (key, facts) ->
                clients.github().orgOutsideCollaborators(org(key.subject()), filter(key.subject())));
        r.register(GitHubAuthKeys.of(""), (key, facts) -> clients.github().authenticationKeys(key.subject()));
        // The signing keys are fetched once, for github.signing-keys; this view keeps their fingerprints.
        r.register(GitHubAuthKeys.signingOf(""), (key, facts) -> SigningKeyFingerprints.of(
                facts.require(GitHubFacts.sshSigningKeys(key.subject()))));
    }

    /** The organisation of an {@code org/filter} subject. */
    private static String org(String subject) {
        int slash = subject.lastIndexOf('/');
        return slash < 0 ? subject : subject.substring(0, slash);
    }

    /** The filter of an {@code org/filter} subject (see {@link GitHubFacts#orgMembers}). */
    private static MemberFilter filter(String subject) {
        String query = subject.substring(subject.lastIndexOf('/') + 1);
        for (MemberFilter f : MemberFilter.values()) {
            if (f.query().equals(query)) {
                return f;
            }
        }
        throw new IllegalArgumentException("no member filter '" + query + "' in " + subject);
    }
}
