package dev.hardening.auditor.checks.release.trustedpublishing;

import dev.hardening.auditor.checks.support.PublishingRepos;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubRepoFacts;
import dev.hardening.auditor.core.facts.github.repo.DeploymentEnvironment;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.workflows.PublishJob;
import dev.hardening.auditor.core.workflows.Registry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The GitHub half of {@code release.trusted-publishing}, one finding per publishing repository: each
 * job that publishes to npm or PyPI reads a long-lived registry secret (FAIL), publishes through OIDC
 * trusted publishing without a protected environment (WARN), or through OIDC from an environment with
 * required reviewers or a branch restriction (PASS). A job that publishes without trusted publishing and
 * without a visible secret WARNs, or FAILs when the policy requires trusted publishing.
 */
final class RepositoryPublishing {
    private RepositoryPublishing() {
    }

    /** How one publish job publishes; {@code byPolicy} when only the policy makes it a FAIL. */
    private record JobVerdict(Status status, String text, boolean byPolicy) {
        JobVerdict(Status status, String text) {
            this(status, text, false);
        }
    }

    static Finding judge(CheckContext context, PublishingRepository linked, RepositoryWorkflows workflows) {
        String subject = linked.repo().subject();
        RepositoryWorkflows.Publishing publishing = workflows.of(linked.repo());
        if (publishing.why().isPresent()) {
            return context.unknown(subject, publishing.why().get());
        }
        List<Evidence> evidence = new ArrayList<>(PublishingRepos.linkEvidence(linked));
        if (publishing.jobs().isEmpty()) {
            if (!publishing.notAnalysed().isEmpty()) {
                publishing.notAnalysed().forEach(n -> evidence.add(Evidence.of("not analysed", n, publishing.source())));
                return context.unknown(subject, "No readable workflow of " + linked.repo() + " publishes to npm or PyPI, but "
                        + String.join("; ", publishing.notAnalysed()) + ".", "review those workflow files by hand",
                        evidence.toArray(Evidence[]::new));
            }
            return context.notApplicable(subject, "No workflow on " + publishing.branch() + " of " + linked.repo()
                    + " publishes to npm or PyPI, so its releases are made elsewhere (see the registry findings of the packages it"
                    + " publishes).");
        }
        List<JobVerdict> verdicts = new ArrayList<>();
        Optional<Unavailability> firstGap = Optional.empty();
        for (PublishJob job : publishing.jobs()) {
            JobVerdict v = judge(context, publishing, job);
            verdicts.add(v);
            evidence.add(Evidence.of("publish job " + job.describe() + job.line().map(l -> " (line " + l + ")").orElse(""), v.text(),
                    "GET /repos/" + publishing.repo() + "/contents/" + job.path() + "?ref=" + publishing.branch()));
            if (v.status() == Status.UNKNOWN && firstGap.isEmpty()) {
                firstGap = environmentGap(context, publishing, job);
            }
        }
        publishing.notAnalysed().forEach(n -> evidence.add(Evidence.of("not analysed", n, publishing.source())));
        List<String> failing = verdicts.stream().filter(v -> v.status() == Status.FAIL && !v.byPolicy()).map(JobVerdict::text).toList();
        List<String> againstPolicy = verdicts.stream().filter(JobVerdict::byPolicy).map(JobVerdict::text).toList();
        List<String> warning = texts(verdicts, Status.WARN);
        List<String> unknown = texts(verdicts, Status.UNKNOWN);
        String policyPart = againstPolicy.isEmpty() ? "" : TrustedPublishingRequirement.sentence(context) + ": "
                + String.join("; ", againstPolicy) + ".";
        if (!againstPolicy.isEmpty()) {
            evidence.add(TrustedPublishingRequirement.evidence(context));
        }
        if (!failing.isEmpty()) {
            return context.fail(subject, linked.repo() + " publishes with long-lived registry credentials: " + String.join("; ", failing)
                    + ". Whoever obtains the secret, or can run that workflow, can publish any version from anywhere — the"
                    + " elementary-data 0.23.3 and Nx releases were published this way. Switch to trusted publishing and delete the"
                    + " secret." + (policyPart.isEmpty() ? "" : " " + policyPart), evidence);
        }
        if (!againstPolicy.isEmpty()) {
            return context.fail(subject, linked.repo() + " does not publish through trusted publishing everywhere. " + policyPart
                    + (warning.isEmpty() ? "" : " Also: " + String.join("; ", warning) + "."), evidence);
        }
        if (!warning.isEmpty()) {
            return context.warn(subject, linked.repo() + ": " + String.join("; ", warning) + ".", evidence);
        }
        if (!unknown.isEmpty() || !publishing.notAnalysed().isEmpty()) {
            List<String> reasons = new ArrayList<>(unknown);
            reasons.addAll(publishing.notAnalysed());
            return context.unknown(subject, linked.repo() + ": " + String.join("; ", reasons) + ".",
                    firstGap.map(Unavailability::needed).orElse("review those workflows by hand"), evidence.toArray(Evidence[]::new));
        }
        return context.pass(subject, linked.repo() + " publishes only through trusted publishing (OIDC), from protected environments: "
                + String.join("; ", texts(verdicts, Status.PASS)) + ".", evidence);
    }

    private static JobVerdict judge(CheckContext context, RepositoryWorkflows.Publishing publishing, PublishJob job) {
        String where = job.describe();
        String to = job.registries().isEmpty() ? "" : " to " + String.join(" and ", job.registries().stream().map(Registry::displayName).toList());
        if (!job.registrySecrets().isEmpty()) {
            return new JobVerdict(Status.FAIL, where + " publishes" + to + " with the secret" + (job.registrySecrets().size() == 1 ? " " : "s ")
                    + String.join(", ", job.registrySecrets()) + (job.idTokenWrite() ? " even though it may use trusted publishing"
                    + " (id-token: write): a token left alongside it" : "") + environmentNote(job));
        }
        if (job.reusableWorkflow().isPresent() && job.registries().isEmpty()) {
            return new JobVerdict(Status.UNKNOWN, where + " publishes through " + job.reusableWorkflow().get()
                    + ", whose steps are in another repository and were not read");
        }
        if (!job.idTokenWrite()) {
            String text = where + " publishes" + to + " without trusted publishing (no id-token: write) and"
                    + " without a credential the audit can see: check how it authenticates";
            return TrustedPublishingRequirement.required(context)
                    ? new JobVerdict(Status.FAIL, text, true)
                    : new JobVerdict(Status.WARN, text);
        }
        if (job.environment().isEmpty()) {
            return new JobVerdict(Status.WARN, where + " publishes" + to + " through trusted publishing but with no environment:,"
                    + " so a workflow run from any branch, or a compromised step, can publish without anyone approving it");
        }
        String name = job.environment().get();
        if (name.contains("${{")) {
            return new JobVerdict(Status.WARN, where + " publishes" + to + " through trusted publishing from an environment chosen by"
                    + " an expression (" + name + "), which a run can steer");
        }
        Fact<DeploymentEnvironment> env = context.facts().lookup(GitHubRepoFacts.environment(publishing.repo(), name));
        if (env instanceof Fact.Unavailable<DeploymentEnvironment> u) {
            return new JobVerdict(Status.UNKNOWN, where + " publishes" + to + " through trusted publishing from environment " + name
                    + ", whose protection could not be read: " + u.unavailability().reason());
        }
        DeploymentEnvironment e = ((Fact.Available<DeploymentEnvironment>) env).value();
        if (!e.exists()) {
            return new JobVerdict(Status.WARN, where + " publishes" + to + " through trusted publishing from environment " + name
                    + ", which does not exist in the repository settings: GitHub creates it on first use with no protection");
        }
        if (!e.isProtected()) {
            return new JobVerdict(Status.WARN, where + " publishes" + to + " through trusted publishing from environment " + name
                    + ", which has no required reviewers and no branch restriction");
        }
        List<String> protections = new ArrayList<>();
        if (e.requiredReviewers() > 0) {
            protections.add(e.requiredReviewers() + " required reviewer" + (e.requiredReviewers() == 1 ? "" : "s"));
        }
        if (e.protectedBranchesOnly().orElse(false)) {
            protections.add("protected branches only");
        }
        if (e.customBranchPolicies().orElse(false)) {
            protections.add("selected branches only");
        }
        return new JobVerdict(Status.PASS, where + " publishes" + to + " through trusted publishing from environment " + name
                + " (" + String.join(", ", protections) + ")");
    }

    private static Optional<Unavailability> environmentGap(CheckContext context, RepositoryWorkflows.Publishing publishing, PublishJob job) {
        return job.environment().filter(n -> !n.contains("${{"))
                .map(n -> context.facts().lookup(GitHubRepoFacts.environment(publishing.repo(), n)))
                .filter(f -> f instanceof Fact.Unavailable<?>)
                .map(f -> ((Fact.Unavailable<?>) f).unavailability());
    }

    private static String environmentNote(PublishJob job) {
        return job.environment().isEmpty() ? ", with no environment" : ", from environment " + job.environment().get();
    }

    private static List<String> texts(List<JobVerdict> verdicts, Status status) {
        return verdicts.stream().filter(v -> v.status() == status).map(JobVerdict::text).toList();
    }
}
