package dev.hardening.auditor.checks.support;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.IgnoredLink;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepositoryLink;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The publishing repositories a repository check goes through, one finding each. Sources of links
 * that could not be read become UNKNOWN findings; an audit that links no repository at all gets one
 * NOT_APPLICABLE finding that says which links were found and why they were not audited.
 */
public final class PublishingRepos {
    /** The subject of findings about the set of repositories rather than one of them. */
    public static final String SUBJECT = "github:publishing-repositories";

    /** The repositories to evaluate, and the findings already decided (unknown sources, nothing linked). */
    public record Repos(List<PublishingRepository> repositories, List<Finding> findings) {
        public Repos {
            repositories = List.copyOf(repositories);
            findings = List.copyOf(findings);
        }
    }

    private PublishingRepos() {
    }

    public static Repos read(CheckContext context) {
        Fact<PublishingRepositories> fact = context.facts().lookup(GitHubRepoFacts.PUBLISHING_REPOSITORIES);
        if (fact instanceof Fact.Unavailable<PublishingRepositories> u) {
            return new Repos(List.of(), List.of(context.unknown(SUBJECT, u.unavailability())));
        }
        PublishingRepositories repos = ((Fact.Available<PublishingRepositories>) fact).value();
        // Every check that goes through the repositories reads each one's repository answer first.
        context.facts().prefetch(repos.repositories().stream().map(r -> GitHubRepoFacts.repository(r.repo())).toList());
        List<Finding> findings = new ArrayList<>();
        for (Unavailability gap : repos.gaps()) {
            findings.add(context.unknown(SUBJECT, "A repository link could not be looked up: " + gap.reason(), gap.needed()));
        }
        if (repos.repositories().isEmpty() && findings.isEmpty()) {
            List<String> ignored = repos.ignored().stream().map(PublishingRepos::describe).toList();
            findings.add(context.notApplicable(SUBJECT, ignored.isEmpty()
                    ? "No audited package links a GitHub repository, so there is no repository to check."
                    : "No audited package links a GitHub repository this audit can read: " + String.join("; ", ignored) + "."));
        }
        return new Repos(repos.repositories(), findings);
    }

    /** The repository as GitHub describes it, or the reason it could not be read. */
    public static Fact<GitHubRepository> repository(CheckContext context, PublishingRepository repo) {
        return context.facts().lookup(GitHubRepoFacts.repository(repo.repo()));
    }

    /** Evidence naming every link that made this repository a publishing repository. */
    public static List<Evidence> linkEvidence(PublishingRepository repo) {
        List<Evidence> out = new ArrayList<>();
        for (RepositoryLink link : repo.linkedFrom()) {
            out.add(Evidence.of("linked from " + link.source(), link.field() + ": " + link.link(), link.source()));
        }
        return out;
    }

    /** The value of an available fact, for optional reads. */
    public static <T> Optional<T> value(Fact<T> fact) {
        return fact.valueIfAvailable();
    }

    private static String describe(IgnoredLink i) {
        RepositoryLink l = i.link();
        return l.source() + (l.link().isEmpty() ? "" : " (" + l.field() + ": " + l.link() + ")") + ": " + i.reason();
    }
}
