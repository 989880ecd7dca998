package dev.hardening.auditor.checks.github.workflowinjection;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.checks.support.PublishingRepos;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.UnreadableFile;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFile;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFiles;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.workflows.WorkflowAnalysis;
import dev.hardening.auditor.core.workflows.WorkflowAnalyzer;
import dev.hardening.auditor.core.workflows.WorkflowFinding;
import dev.hardening.auditor.core.workflows.WorkflowRule;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code github.workflow-injection}: the workflows on the default branch of each publishing repository,
 * read through the contents API and analysed statically ({@link WorkflowAnalyzer}). One finding per
 * repository:
 * <ul>
 *   <li>FAIL: attacker-chosen text (comment, issue and pull request titles and bodies, branch names)
 *       expanded into a script under {@code issue_comment}, {@code issues}, {@code pull_request_target},
 *       {@code workflow_run} or discussion triggers, or a {@code pull_request_target}/{@code workflow_run}
 *       job that checks out the pull request's code;</li>
 *   <li>WARN: no top-level {@code permissions:} (or {@code write-all}), third-party actions not pinned to
 *       a commit SHA, caches restored in a release job;</li>
 *   <li>PASS: every workflow was read and none of the above;</li>
 *   <li>UNKNOWN: the workflows could not be listed, or some could not be read or parsed and the rest
 *       showed nothing;</li>
 *   <li>NOT_APPLICABLE: the repository has no workflows.</li>
 * </ul>
 */
public final class WorkflowInjectionCheck implements Check {
    /** Evidence lines per repository; the rest are counted. */
    static final int MAX_EVIDENCE = 25;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        PublishingRepos.Repos repos = PublishingRepos.read(context);
        List<Finding> findings = new ArrayList<>(repos.findings());
        findings.addAll(ReadAhead.each(context, Platform.GITHUB, repos.repositories(), repo -> judge(context, repo)));
        return findings;
    }

    private static Finding judge(CheckContext context, PublishingRepository linked) {
        RepoRef ref = linked.repo();
        String subject = ref.subject();
        Fact<GitHubRepository> repoFact = PublishingRepos.repository(context, linked);
        if (repoFact instanceof Fact.Unavailable<GitHubRepository> u) {
            return context.unknown(subject, u.unavailability());
        }
        GitHubRepository repo = ((Fact.Available<GitHubRepository>) repoFact).value();
        Fact<WorkflowFiles> filesFact = context.facts().lookup(GitHubRepoFacts.workflows(repo.repo(), repo.defaultBranch()));
        if (filesFact instanceof Fact.Unavailable<WorkflowFiles> u) {
            return context.unknown(subject, u.unavailability());
        }
        WorkflowFiles files = ((Fact.Available<WorkflowFiles>) filesFact).value();
        String source = "GET /repos/" + repo.repo() + "/contents/.github/workflows?ref=" + files.ref();
        if (files.files().isEmpty() && files.complete() && !files.directoryFound() && !repo.visibility().equals("public")) {
            return context.unknown(subject, "GitHub answered 404 for .github/workflows of the " + repo.visibility() + " repository " + ref
                    + ": it has no workflows, or the token may not read its contents", "a token with Contents: read on " + ref);
        }
        if (files.files().isEmpty() && files.complete()) {
            return context.notApplicable(subject, ref + " has no workflows in .github/workflows on " + files.ref()
                    + ", so none can be injected.");
        }

        List<WorkflowFinding> all = new ArrayList<>();
        List<String> notAnalysed = new ArrayList<>();
        for (WorkflowFile file : files.files()) {
            WorkflowAnalysis analysis = WorkflowAnalyzer.analyze(file.path(), file.text(), Optional.of(repo.repo().owner()));
            for (WorkflowFinding f : analysis.findings()) {
                if (f.rule() == WorkflowRule.NOT_ANALYSABLE) {
                    notAnalysed.add(f.detail());
                } else {
                    all.add(f);
                }
            }
        }
        for (UnreadableFile u : files.unreadable()) {
            notAnalysed.add(u.path() + " could not be read: " + u.why().reason());
        }
        if (files.notListed() > 0) {
            notAnalysed.add(files.notListed() + " more workflow files were not read (limit per repository)");
        }

        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("workflows read", files.files().size() + " on " + files.ref(), source));
        evidence.addAll(PublishingRepos.linkEvidence(linked));
        int shown = 0;
        for (WorkflowFinding f : sorted(all)) {
            if (shown++ == MAX_EVIDENCE) {
                evidence.add(Evidence.of("more", (all.size() - MAX_EVIDENCE) + " further problems not listed", source));
                break;
            }
            evidence.add(Evidence.of(f.rule().title() + " at " + f.location(), f.what() + (f.where().isEmpty() ? "" : " (" + f.where() + ")"),
                    "GET /repos/" + repo.repo() + "/contents/" + f.path() + "?ref=" + files.ref()));
        }
        notAnalysed.forEach(n -> evidence.add(Evidence.of("not analysed", n, source)));
        String gapNote = notAnalysed.isEmpty() ? "" : " " + notAnalysed.size() + " workflow file" + (notAnalysed.size() == 1 ? "" : "s")
                + " could not be analysed.";

        List<WorkflowFinding> failing = all.stream().filter(f -> f.rule().failing()).toList();
        if (!failing.isEmpty()) {
            WorkflowFinding first = failing.get(0);
            return context.fail(subject, failing.size() + (failing.size() == 1 ? " place in the workflows of " + ref + " lets"
                    : " places in the workflows of " + ref + " let") + " anyone on GitHub run code with the workflow's token and secrets (" + files(failing) + "). First: "
                    + first.location() + ": " + first.detail() + "." + warnings(all) + gapNote, evidence);
        }
        if (!all.isEmpty()) {
            return context.warn(subject, "No workflow of " + ref + " lets outsiders run code, but they are weaker than they"
                    + " should be:" + warnings(all) + gapNote, evidence);
        }
        if (!notAnalysed.isEmpty()) {
            return context.unknown(subject, "Not every workflow of " + ref + " could be analysed: " + String.join("; ", notAnalysed)
                    + ".", "review those workflow files by hand, or fix them so that GitHub (and this audit) can read them",
                    evidence.toArray(Evidence[]::new));
        }
        return context.pass(subject, "None of the " + files.files().size() + " workflows of " + ref + " on " + files.ref()
                + " puts untrusted text into a script, checks out pull request code with privileges, runs without a"
                + " permissions block, uses an unpinned third-party action or restores a cache in a release job.", evidence);
    }

    /** Failing problems first, then file order. */
    private static List<WorkflowFinding> sorted(List<WorkflowFinding> all) {
        List<WorkflowFinding> out = new ArrayList<>(all.stream().filter(f -> f.rule().failing()).toList());
        all.stream().filter(f -> !f.rule().failing()).forEach(out::add);
        return out;
    }

    private static String files(List<WorkflowFinding> findings) {
        Set<String> paths = new LinkedHashSet<>();
        findings.forEach(f -> paths.add(f.path()));
        return String.join(", ", paths);
    }

    /** " Also: 2 third-party actions not pinned to a commit SHA, ..." for the non-failing problems. */
    private static String warnings(List<WorkflowFinding> all) {
        List<String> parts = new ArrayList<>();
        for (WorkflowRule rule : WorkflowRule.values()) {
            if (rule.failing() || rule == WorkflowRule.NOT_ANALYSABLE) {
                continue;
            }
            long n = all.stream().filter(f -> f.rule() == rule).count();
            if (n > 0) {
                parts.add(n + " × " + rule.title() + " (" + files(all.stream().filter(f -> f.rule() == rule).toList()) + ")");
            }
        }
        return parts.isEmpty() ? "" : " " + String.join("; ", parts) + ".";
    }
}
