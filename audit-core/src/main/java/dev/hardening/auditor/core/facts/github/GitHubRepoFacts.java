package dev.hardening.auditor.core.facts.github;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.github.repo.BranchRules;
import dev.hardening.auditor.core.facts.github.repo.ClassicBranchProtection;
import dev.hardening.auditor.core.facts.github.repo.Collaborators;
import dev.hardening.auditor.core.facts.github.repo.DeployKeys;
import dev.hardening.auditor.core.facts.github.repo.DeploymentEnvironment;
import dev.hardening.auditor.core.facts.github.repo.GitHubBranch;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.RepoRuleset;
import dev.hardening.auditor.core.facts.github.repo.UserRepositories;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFiles;
import dev.hardening.auditor.core.model.Platform;
import java.util.Optional;

/**
 * The GitHub repository facts that checks can ask for. Subjects are {@code owner/name}, followed by
 * {@code :branch}, {@code :environment} or {@code #rulesetId} where the fact is about a part of the
 * repository. Owner and name never contain {@code :} or {@code #}, and git forbids {@code :} in branch
 * names, so the subject splits back unambiguously at the first separator.
 */
public final class GitHubRepoFacts {
    private GitHubRepoFacts() {
    }

    /**
     * The repositories that publish the audited packages: linked from npm {@code repository} and PyPI
     * {@code project_urls} (github.com or the configured GitHub Enterprise host only), plus each audited
     * GitHub user's own repositories when no package is audited.
     */
    public static final FactKey<PublishingRepositories> PUBLISHING_REPOSITORIES =
            FactKey.of("github.publishing-repositories", Platform.GITHUB, PublishingRepositories.class);

    private static final FactKey<GitHubRepository> REPOSITORY =
            FactKey.of("github.repository", Platform.GITHUB, GitHubRepository.class);
    private static final FactKey<ClassicBranchProtection> CLASSIC_PROTECTION =
            FactKey.of("github.branch-protection", Platform.GITHUB, ClassicBranchProtection.class);
    private static final FactKey<GitHubBranch> BRANCH = FactKey.of("github.branch", Platform.GITHUB, GitHubBranch.class);
    private static final FactKey<BranchRules> BRANCH_RULES =
            FactKey.of("github.branch-rules", Platform.GITHUB, BranchRules.class);
    private static final FactKey<RepoRuleset> RULESET = FactKey.of("github.ruleset", Platform.GITHUB, RepoRuleset.class);
    private static final FactKey<WorkflowFiles> WORKFLOWS =
            FactKey.of("github.workflow-files", Platform.GITHUB, WorkflowFiles.class);
    private static final FactKey<Collaborators> ADMINS =
            FactKey.of("github.repo-admins", Platform.GITHUB, Collaborators.class);
    private static final FactKey<Collaborators> OUTSIDE_COLLABORATORS =
            FactKey.of("github.repo-outside-collaborators", Platform.GITHUB, Collaborators.class);
    private static final FactKey<DeployKeys> DEPLOY_KEYS =
            FactKey.of("github.deploy-keys", Platform.GITHUB, DeployKeys.class);
    private static final FactKey<DeploymentEnvironment> ENVIRONMENT =
            FactKey.of("github.environment", Platform.GITHUB, DeploymentEnvironment.class);
    private static final FactKey<UserRepositories> USER_REPOSITORIES =
            FactKey.of("github.user-repositories", Platform.GITHUB, UserRepositories.class);

    /** {@code GET /repos/{o}/{r}}. */
    public static FactKey<GitHubRepository> repository(RepoRef repo) {
        return REPOSITORY.about(repo.fullName());
    }

    /** {@code GET /repos/{o}/{r}/branches/{b}/protection} (admins only). */
    public static FactKey<ClassicBranchProtection> classicProtection(RepoRef repo, String branch) {
        return CLASSIC_PROTECTION.about(repo.fullName() + ":" + branch);
    }

    /** {@code GET /repos/{o}/{r}/branches/{b}}: whether any protection applies (public). */
    public static FactKey<GitHubBranch> branch(RepoRef repo, String branch) {
        return BRANCH.about(repo.fullName() + ":" + branch);
    }

    /** {@code GET /repos/{o}/{r}/rules/branches/{b}} (all pages; public). */
    public static FactKey<BranchRules> branchRules(RepoRef repo, String branch) {
        return BRANCH_RULES.about(repo.fullName() + ":" + branch);
    }

    /** {@code GET /repos/{o}/{r}/rulesets/{id}}. */
    public static FactKey<RepoRuleset> ruleset(RepoRef repo, long id) {
        return RULESET.about(repo.fullName() + "#" + id);
    }

    /** The workflow files on a branch, read through the contents API. */
    public static FactKey<WorkflowFiles> workflows(RepoRef repo, String ref) {
        return WORKFLOWS.about(repo.fullName() + ":" + ref);
    }

    /** {@code GET /repos/{o}/{r}/collaborators?affiliation=all&permission=admin} (all pages). */
    public static FactKey<Collaborators> admins(RepoRef repo) {
        return ADMINS.about(repo.fullName());
    }

    /** {@code GET /repos/{o}/{r}/collaborators?affiliation=outside} (all pages). */
    public static FactKey<Collaborators> outsideCollaborators(RepoRef repo) {
        return OUTSIDE_COLLABORATORS.about(repo.fullName());
    }

    /** {@code GET /repos/{o}/{r}/keys} (all pages; admins only). */
    public static FactKey<DeployKeys> deployKeys(RepoRef repo) {
        return DEPLOY_KEYS.about(repo.fullName());
    }

    /** {@code GET /repos/{o}/{r}/environments/{name}}. */
    public static FactKey<DeploymentEnvironment> environment(RepoRef repo, String name) {
        return ENVIRONMENT.about(repo.fullName() + ":" + name);
    }

    /** {@code GET /users/{login}/repos?type=owner&sort=pushed}, bounded. */
    public static FactKey<UserRepositories> userRepositories(String login) {
        return USER_REPOSITORIES.about(login);
    }

    /** A subject split back into its repository and the part after {@code separator}. */
    public record Subject(RepoRef repo, String part) {
        /** Splits {@code owner/name<separator>part}; empty when it does not have that form. */
        public static Optional<Subject> parse(String subject, char separator) {
            int at = subject.indexOf(separator);
            if (at < 0) {
                return RepoRef.parse(subject).map(r -> new Subject(r, ""));
            }
            return RepoRef.parse(subject.substring(0, at)).map(r -> new Subject(r, subject.substring(at + 1)));
        }
    }
}
