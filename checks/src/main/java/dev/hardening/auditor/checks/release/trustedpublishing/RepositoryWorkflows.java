package dev.hardening.auditor.checks.release.trustedpublishing;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.UnreadableFile;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFile;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFiles;
import dev.hardening.auditor.core.workflows.PublishJob;
import dev.hardening.auditor.core.workflows.Registry;
import dev.hardening.auditor.core.workflows.WorkflowAnalysis;
import dev.hardening.auditor.core.workflows.WorkflowAnalyzer;
import dev.hardening.auditor.core.workflows.WorkflowFinding;
import dev.hardening.auditor.core.workflows.WorkflowRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The publish jobs of a repository's workflows on its default branch, analysed once per check run
 * however many packages link the repository.
 */
final class RepositoryWorkflows {
    /** The publish jobs, the files that could not be analysed, or why the workflows could not be read at all. */
    record Publishing(RepoRef repo, String branch, List<PublishJob> jobs, List<String> notAnalysed, Optional<Unavailability> why) {
        Publishing {
            jobs = List.copyOf(jobs);
            notAnalysed = List.copyOf(notAnalysed);
        }

        /** Jobs publishing to {@code registry} with a long-lived registry secret (remote reusable calls handing one over included). */
        List<PublishJob> tokenJobs(Registry registry) {
            return jobs.stream().filter(j -> !j.registrySecrets().isEmpty()
                    && (j.registries().contains(registry) || j.registries().isEmpty())).toList();
        }

        String source() {
            return "GET /repos/" + repo + "/contents/.github/workflows?ref=" + branch;
        }
    }

    private final CheckContext context;
    private final Map<String, Publishing> byRepo = new HashMap<>();

    RepositoryWorkflows(CheckContext context) {
        this.context = context;
    }

    Publishing of(RepoRef ref) {
        return byRepo.computeIfAbsent(ref.key(), k -> read(ref));
    }

    private Publishing read(RepoRef ref) {
        Fact<GitHubRepository> repoFact = context.facts().lookup(GitHubRepoFacts.repository(ref));
        if (repoFact instanceof Fact.Unavailable<GitHubRepository> u) {
            return new Publishing(ref, "", List.of(), List.of(), Optional.of(u.unavailability()));
        }
        GitHubRepository repo = ((Fact.Available<GitHubRepository>) repoFact).value();
        Fact<WorkflowFiles> filesFact = context.facts().lookup(GitHubRepoFacts.workflows(repo.repo(), repo.defaultBranch()));
        if (filesFact instanceof Fact.Unavailable<WorkflowFiles> u) {
            return new Publishing(repo.repo(), repo.defaultBranch(), List.of(), List.of(), Optional.of(u.unavailability()));
        }
        WorkflowFiles files = ((Fact.Available<WorkflowFiles>) filesFact).value();
        if (!files.directoryFound() && !repo.visibility().equals("public")) {
            return new Publishing(repo.repo(), repo.defaultBranch(), List.of(), List.of(), Optional.of(Unavailability.of(
                    Unavailability.Cause.FORBIDDEN, "GitHub answered 404 for .github/workflows of the " + repo.visibility()
                            + " repository " + repo.repo() + ": it has no workflows, or the token may not read its contents",
                    "a token with Contents: read on " + repo.repo())));
        }
        List<PublishJob> jobs = new ArrayList<>();
        List<String> notAnalysed = new ArrayList<>();
        for (WorkflowFile file : files.files()) {
            WorkflowAnalysis analysis = WorkflowAnalyzer.analyze(file.path(), file.text(), Optional.of(repo.repo().owner()));
            jobs.addAll(analysis.publishJobs());
            analysis.findings().stream().filter(f -> f.rule() == WorkflowRule.NOT_ANALYSABLE).map(WorkflowFinding::detail)
                    .forEach(notAnalysed::add);
        }
        for (UnreadableFile u : files.unreadable()) {
            notAnalysed.add(u.path() + " could not be read: " + u.why().reason());
        }
        if (files.notListed() > 0) {
            notAnalysed.add(files.notListed() + " more workflow files were not read (limit per repository)");
        }
        return new Publishing(repo.repo(), repo.defaultBranch(), jobs, notAnalysed, Optional.empty());
    }
}
