package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.collect.RepositoryLinks.Resolution;
import dev.hardening.auditor.core.facts.Collector;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.IgnoredLink;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.RepositoryLink;
import dev.hardening.auditor.core.facts.github.repo.UserRepositories;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.model.AuditTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code github.publishing-repositories}: the GitHub repositories behind the audited packages, read
 * from facts other checks fetch anyway (packuments, PyPI projects), so finding them costs no request.
 * When GitHub users are audited without any package, their own repositories are audited instead
 * (most recently pushed first, at most {@value #MAX_USER_REPOSITORIES} each).
 */
final class PublishingRepositoriesCollector implements Collector<PublishingRepositories> {
    static final int MAX_USER_REPOSITORIES = 20;
    /** {@code project_urls} labels that name the source repository itself (compared without case and punctuation). */
    private static final Set<String> SOURCE_LABELS = Set.of("source", "sources", "sourcecode", "repository", "repo", "code",
            "github", "git", "vcs", "scm");
    /** Labels that never name the project's repository. */
    private static final Set<String> UNRELATED_LABELS = Set.of("funding", "sponsor", "sponsors", "donate", "donation");

    private final Set<String> hosts;
    private final AuditTargets targets;

    PublishingRepositoriesCollector(Set<String> hosts, AuditTargets targets) {
        this.hosts = Set.copyOf(hosts);
        this.targets = targets;
    }

    @Override
    public PublishingRepositories collect(FactKey<PublishingRepositories> key, Facts facts) {
        Map<String, RepoRef> repos = new LinkedHashMap<>();
        Map<String, List<RepositoryLink>> links = new LinkedHashMap<>();
        List<IgnoredLink> ignored = new ArrayList<>();
        List<Unavailability> gaps = new ArrayList<>();
        Consumer<Linked> add = linked -> {
            if (repos.putIfAbsent(linked.repo().key(), linked.repo()) == null) {
                // Every repository check reads this answer first: ask now, not after the last package is read.
                facts.prefetch(List.of(GitHubRepoFacts.repository(linked.repo())));
            }
            List<RepositoryLink> l = links.computeIfAbsent(linked.repo().key(), k -> new ArrayList<>());
            if (!l.contains(linked.link())) {
                l.add(linked.link());
            }
        };

        // Both registries' documents are asked for before either is waited on, so that neither waits for the other.
        facts.prefetch(List.of(NpmFacts.AUDITED_PACKAGES, PyPIFacts.AUDITED_PROJECTS));
        List<String> npmNames = new ArrayList<>();
        List<String> pypiNames = new ArrayList<>();
        FactReads.read(facts, NpmFacts.AUDITED_PACKAGES, gaps, (NameList packages) -> {
            gaps.addAll(packages.gaps());
            npmNames.addAll(packages.names());
        });
        FactReads.read(facts, PyPIFacts.AUDITED_PROJECTS, gaps, (NameList projects) -> {
            gaps.addAll(projects.gaps());
            pypiNames.addAll(projects.names());
        });
        facts.prefetch(npmNames.stream().map(NpmFacts::packument).toList());
        facts.prefetch(pypiNames.stream().map(PyPIFacts::project).toList());
        for (String name : npmNames) {
            FactReads.read(facts, NpmFacts.packument(name), gaps, (NpmPackument p) -> npm(p, add, ignored));
        }
        for (String name : pypiNames) {
            FactReads.read(facts, PyPIFacts.project(name), gaps, (PyPIProject p) -> pypi(p, add, ignored));
        }
        if (githubUsersAlone()) {
            for (String user : targets.githubUsers()) {
                FactReads.read(facts, GitHubRepoFacts.userRepositories(user), gaps, (UserRepositories owned) -> {
                    owned.repositories().forEach(r -> add.accept(new Linked(r, new RepositoryLink("github-user:" + user,
                            "GET /users/" + user + "/repos (owned, not forks or archived)", "https://github.com/" + r))));
                    if (owned.truncated()) {
                        gaps.add(Unavailability.of(Cause.TOO_LARGE, "GitHub user " + user + " owns more than "
                                        + MAX_USER_REPOSITORIES + " active repositories; only the " + MAX_USER_REPOSITORIES
                                        + " most recently pushed are audited",
                                "name the packages " + user + " publishes with --npm-package or --pypi-project, so that"
                                        + " the repositories they link are audited"));
                    }
                });
            }
        }
        List<PublishingRepository> result = new ArrayList<>();
        repos.forEach((k, repo) -> result.add(new PublishingRepository(repo, links.get(k))));
        return new PublishingRepositories(result, ignored, gaps);
    }

    /** Whether the audit names GitHub users and no package at all. */
    private boolean githubUsersAlone() {
        return !targets.githubUsers().isEmpty() && targets.npmPackages().isEmpty() && targets.npmUsers().isEmpty()
                && targets.pypiProjects().isEmpty() && targets.pypiUsers().isEmpty();
    }

    private void npm(NpmPackument p, Consumer<Linked> add, List<IgnoredLink> ignored) {
        String source = "npm:" + p.name();
        if (p.repositoryUrl().isEmpty()) {
            ignored.add(new IgnoredLink(new RepositoryLink(source, "repository", ""), "the package metadata names no repository"));
            return;
        }
        RepositoryLink link = new RepositoryLink(source, "repository", p.repositoryUrl().get());
        Resolution resolution = RepositoryLinks.resolve(link.link(), hosts);
        if (resolution instanceof Resolution.Repository r) {
            add.accept(new Linked(r.repo(), link));
        } else if (resolution instanceof Resolution.Refused r) {
            ignored.add(new IgnoredLink(link, r.reason()));
        }
    }

    /**
     * Links under a source label win; other labels (Homepage, Issues, Changelog) count only when no
     * source label resolves, since a documentation or funding link may name another repository.
     */
    private void pypi(PyPIProject p, Consumer<Linked> add, List<IgnoredLink> ignored) {
        String source = "pypi:" + p.name();
        List<Linked> primary = new ArrayList<>();
        List<Linked> secondary = new ArrayList<>();
        p.projectUrls().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            String label = e.getKey().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (UNRELATED_LABELS.contains(label)) {
                return;
            }
            RepositoryLink link = new RepositoryLink(source, "project_urls." + e.getKey(), e.getValue());
            boolean isSource = SOURCE_LABELS.contains(label);
            Resolution resolution = RepositoryLinks.resolve(e.getValue(), hosts);
            if (resolution instanceof Resolution.Repository r) {
                (isSource ? primary : secondary).add(new Linked(r.repo(), link));
            } else if (resolution instanceof Resolution.Refused r && isSource) {
                ignored.add(new IgnoredLink(link, r.reason()));
            }
        });
        List<Linked> chosen = primary.isEmpty() ? secondary : primary;
        if (chosen.isEmpty() && primary.isEmpty() && ignored.stream().noneMatch(i -> i.link().source().equals(source))) {
            ignored.add(new IgnoredLink(new RepositoryLink(source, "project_urls", ""),
                    "no project URL points to a repository on " + String.join(" or ", hosts)));
        }
        chosen.forEach(add);
    }


    private record Linked(RepoRef repo, RepositoryLink link) {
    }
}
