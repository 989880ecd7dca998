package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.clients.github.GitHubRepoClient;
import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts.Subject;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoPermissions;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.model.AuditTargets;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Collectors of GitHub repository facts (publishing repositories, protections, workflows, access).
 * Requests that only an admin (or a collaborator with push access) may make are not sent when the
 * repository answer already shows the token's account lacks that role: the fact is unavailable with
 * the reason, at no cost.
 */
final class GitHubRepoCollectors {
    private GitHubRepoCollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
        GitHubRepoClient github = clients.githubRepos();
        r.register(GitHubRepoFacts.PUBLISHING_REPOSITORIES, new PublishingRepositoriesCollector(github.repositoryHosts(), targets));
        r.register(GitHubRepoFacts.repository(any()), (key, facts) -> github.repository(repo(key)));
        r.register(GitHubRepoFacts.classicProtection(any(), ""), (key, facts) -> {
            Subject s = split(key, ':');
            requireRole(facts, s.repo(), RepoPermissions::admin, "admin", "read its branch protection",
                    "a token with Administration: read (fine-grained) or repo (classic) on " + s.repo()
                            + ", from an account with admin rights on it");
            return github.classicProtection(s.repo(), s.part());
        });
        r.register(GitHubRepoFacts.branch(any(), ""), (key, facts) -> {
            Subject s = split(key, ':');
            return github.branch(s.repo(), s.part());
        });
        r.register(GitHubRepoFacts.branchRules(any(), ""), (key, facts) -> {
            Subject s = split(key, ':');
            return github.branchRules(s.repo(), s.part());
        });
        r.register(GitHubRepoFacts.ruleset(any(), 0), (key, facts) -> {
            Subject s = split(key, '#');
            try {
                return github.ruleset(s.repo(), Long.parseLong(s.part()));
            } catch (NumberFormatException e) {
                throw internal(key);
            }
        });
        r.register(GitHubRepoFacts.workflows(any(), ""), (key, facts) -> {
            Subject s = split(key, ':');
            return github.workflows(s.repo(), s.part());
        });
        r.register(GitHubRepoFacts.admins(any()), (key, facts) -> {
            RepoRef repo = repo(key);
            requireRole(facts, repo, RepoPermissions::push, "push", "list its collaborators", pushNeeded(repo));
            return github.admins(repo);
        });
        r.register(GitHubRepoFacts.outsideCollaborators(any()), (key, facts) -> {
            RepoRef repo = repo(key);
            requireRole(facts, repo, RepoPermissions::push, "push", "list its collaborators", pushNeeded(repo));
            return github.outsideCollaborators(repo);
        });
        r.register(GitHubRepoFacts.deployKeys(any()), (key, facts) -> {
            RepoRef repo = repo(key);
            requireRole(facts, repo, RepoPermissions::admin, "admin", "list its deploy keys",
                    "a token with Administration: read (fine-grained) or repo (classic) on " + repo
                            + ", from an account with admin rights on it");
            return github.deployKeys(repo);
        });
        r.register(GitHubRepoFacts.environment(any(), ""), (key, facts) -> {
            Subject s = split(key, ':');
            return github.environment(s.repo(), s.part());
        });
        r.register(GitHubRepoFacts.userRepositories(""), (key, facts) ->
                github.userRepositories(key.subject(), PublishingRepositoriesCollector.MAX_USER_REPOSITORIES));
    }

    /** A placeholder repository for registering a fact kind (collectors are found by kind, not subject). */
    private static RepoRef any() {
        return new RepoRef("any", "any");
    }

    /**
     * Fails without a request when GitHub's answer for the repository shows the token's account lacks
     * {@code role}; when the role is unknown (no answer, no token), the request decides.
     */
    private static void requireRole(Facts facts, RepoRef repo, Predicate<RepoPermissions> has, String role, String what,
                                    String needed) throws CollectionException {
        Optional<RepoPermissions> permissions = facts.lookup(GitHubRepoFacts.repository(repo)).valueIfAvailable()
                .flatMap(GitHubRepository::permissions);
        if (permissions.isPresent() && !has.test(permissions.get())) {
            throw new CollectionException(Unavailability.of(Cause.FORBIDDEN, "the token's account has no " + role
                    + " rights on " + repo + " (permissions." + role + " is false in GET /repos/" + repo + "), so it cannot "
                    + what, needed));
        }
    }

    private static String pushNeeded(RepoRef repo) {
        return "a token of an account with push access to " + repo + ", with Metadata: read (fine-grained) or repo and"
                + " read:org (classic)";
    }

    private static RepoRef repo(FactKey<?> key) throws CollectionException {
        return RepoRef.parse(key.subject()).orElseThrow(() -> internal(key));
    }

    private static Subject split(FactKey<?> key, char separator) throws CollectionException {
        Subject s = Subject.parse(key.subject(), separator).orElseThrow(() -> internal(key));
        if (s.part().isEmpty()) {
            throw internal(key);
        }
        return s;
    }

    private static CollectionException internal(FactKey<?> key) {
        return new CollectionException(Unavailability.of(Cause.INTERNAL, "the fact " + key + " does not name a repository"
                + " and its part in the expected form", "report the problem"));
    }
}
