package dev.hardening.auditor.checks.release.trustedpublishing;

import java.util.Optional;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.AuditedNames;
import dev.hardening.auditor.checks.support.PublishingRepos;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@code release.trusted-publishing}: packages published through OIDC trusted publishing rather than
 * long-lived tokens, and no token left beside it. Two kinds of finding:
 * <ul>
 *   <li>per publishing repository ({@code repo:owner/name}), from its workflows: see {@link RepositoryPublishing};</li>
 *   <li>per audited package ({@code npm:name}, {@code pypi:name}), from the registry: see {@link PackagePublishing}.</li>
 * </ul>
 * The registry's own token list comes in through {@link RegistryTokenInventory}: for npm, the write tokens
 * of the NPM_TOKEN account ({@link NpmTokenInventory}); a package on trusted publishing with such a
 * token left beside it FAILs ("a long-lived token still exists alongside trusted publishing").
 */
public final class TrustedPublishingCheck implements Check {
    private final RegistryTokenInventory inventory;

    /** For the service loader: the npm account's token list answers for npm ({@link NpmTokenInventory}). */
    public TrustedPublishingCheck() {
        this(new NpmTokenInventory());
    }

    public TrustedPublishingCheck(RegistryTokenInventory inventory) {
        this.inventory = Objects.requireNonNull(inventory, "inventory");
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        RepositoryWorkflows workflows = new RepositoryWorkflows(context);
        PublishingRepos.Repos repos = PublishingRepos.read(context);
        findings.addAll(repos.findings().stream().filter(f -> f.status() != dev.hardening.auditor.core.model.Status.NOT_APPLICABLE).toList());
        // Read ahead with their own workflow cache: RepositoryWorkflows is not shared between threads.
        context.facts().readAhead(Platform.GITHUB, repos.repositories(),
                repo -> RepositoryPublishing.judge(context, repo, new RepositoryWorkflows(context)));
        for (PublishingRepository repo : repos.repositories()) {
            findings.add(RepositoryPublishing.judge(context, repo, workflows));
        }
        Fact<PublishingRepositories> linked = context.facts().lookup(GitHubRepoFacts.PUBLISHING_REPOSITORIES);
        PackagePublishing packages = new PackagePublishing(context, workflows, linked.valueIfAvailable(), inventory);

        AuditedNames.Names npm = AuditedNames.npmPackages(context);
        AuditedNames.Names pypi = AuditedNames.pypiProjects(context);
        Optional<PublishingRepositories> linkedRepos = linked.valueIfAvailable();
        context.facts().readAhead(Platform.GITHUB, npm.names(), name -> context.facts().lookup(NpmFacts.packument(name))
                .valueIfAvailable().ifPresent(p -> new PackagePublishing(context, new RepositoryWorkflows(context), linkedRepos, inventory)
                        .npm(name, p)));
        context.facts().readAhead(Platform.PYPI, pypi.names(), name -> context.facts().lookup(PyPIFacts.project(name))
                .valueIfAvailable().ifPresent(p -> new PackagePublishing(context, new RepositoryWorkflows(context), linkedRepos, inventory)
                        .pypi(name, p)));
        findings.addAll(npm.unknowns());
        for (String name : npm.names()) {
            Fact<NpmPackument> fact = context.facts().lookup(NpmFacts.packument(name));
            findings.add(fact instanceof Fact.Available<NpmPackument> a ? packages.npm(name, a.value())
                    : context.unknown("npm:" + name, ((Fact.Unavailable<NpmPackument>) fact).unavailability()));
        }
        findings.addAll(pypi.unknowns());
        for (String name : pypi.names()) {
            Fact<PyPIProject> fact = context.facts().lookup(PyPIFacts.project(name));
            findings.add(fact instanceof Fact.Available<PyPIProject> a ? packages.pypi(name, a.value())
                    : context.unknown("pypi:" + name, ((Fact.Unavailable<PyPIProject>) fact).unavailability()));
        }
        return findings;
    }
}
