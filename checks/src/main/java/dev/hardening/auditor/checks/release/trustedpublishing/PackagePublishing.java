package dev.hardening.auditor.checks.release.trustedpublishing;

import dev.hardening.auditor.checks.release.trustedpublishing.RegistryTokenInventory.Inventory;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepositories;
import dev.hardening.auditor.core.facts.github.repo.PublishingRepository;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmVersion;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIFileProvenance;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIPublisher;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.workflows.PublishJob;
import dev.hardening.auditor.core.workflows.Registry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The registry half of {@code release.trusted-publishing}, one finding per audited package: whether it
 * is published through trusted publishing (npm {@code _npmUser.trustedPublisher}; PyPI PEP 740
 * attestations, which only a trusted publisher can upload), and whether a long-lived token still exists
 * beside it. A token that "still exists" is seen three ways: a release made without trusted publishing
 * after earlier ones used it (the token was used), a publish workflow of a linked repository still
 * reading a registry secret, or the registry's own token list ({@link RegistryTokenInventory}).
 */
final class PackagePublishing {
    /** As {@code release.provenance}: the files read per release (each is a request, memoised across checks). */
    static final int MAX_FILES = 12;
    static final int MAX_PREVIOUS_FILES = 4;

    private final CheckContext context;
    private final RepositoryWorkflows workflows;
    private final Optional<PublishingRepositories> repositories;
    private final RegistryTokenInventory inventory;

    PackagePublishing(CheckContext context, RepositoryWorkflows workflows, Optional<PublishingRepositories> repositories,
                      RegistryTokenInventory inventory) {
        this.context = context;
        this.workflows = workflows;
        this.repositories = repositories;
        this.inventory = inventory;
    }

    Finding npm(String name, NpmPackument packument) {
        String subject = "npm:" + name;
        List<NpmVersion> versions = packument.versions(); // oldest first by publish time
        if (versions.isEmpty()) {
            return context.notApplicable(subject, name + " has no published versions.");
        }
        NpmVersion latest = packument.latest().orElse(versions.get(versions.size() - 1));
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("latest version " + latest.version(), describe(latest), "GET /" + name + " (versions[\""
                + latest.version() + "\"]._npmUser)"));
        int firstTrusted = -1;
        for (int i = 0; i < versions.size() && firstTrusted < 0; i++) {
            if (versions.get(i).trustedPublisher().isPresent()) {
                firstTrusted = i;
            }
        }
        if (firstTrusted >= 0) {
            List<String> without = new ArrayList<>();
            for (NpmVersion v : versions.subList(firstTrusted + 1, versions.size())) {
                if (v.trustedPublisher().isEmpty()) {
                    without.add(v.version());
                    evidence.add(Evidence.of("version " + v.version(), describe(v), "GET /" + name));
                }
            }
            evidence.add(Evidence.of("first version through trusted publishing", versions.get(firstTrusted).version(), "GET /" + name));
            if (!without.isEmpty()) {
                return context.fail(subject, shortList(without) + (without.size() == 1 ? " was" : " were") + " published without trusted"
                        + " publishing although " + name + " has used it since " + versions.get(firstTrusted).version()
                        + ": a long-lived token still exists beside trusted publishing, and it was used. Find and revoke it"
                        + " (npm token list), then require trusted publishing for the package.", evidence);
            }
        }
        return judgeTrusted(subject, name, Registry.NPM, latest.trustedPublisher().isPresent(), evidence,
                "the latest version " + latest.version() + " was published through trusted publishing ("
                        + latest.trustedPublisher().map(t -> t.id()).orElse("") + ")",
                name + " is published with a long-lived token, not through trusted publishing (the latest version, "
                        + latest.version() + ", names no trusted publisher)");
    }

    Finding pypi(String name, PyPIProject project) {
        String subject = "pypi:" + name;
        Optional<PyPIRelease> latest = project.release(project.version()).filter(r -> !r.files().isEmpty())
                .or(() -> project.releases().stream().filter(r -> !r.files().isEmpty())
                        .max(Comparator.comparing(r -> r.uploadedAt().orElse(Instant.MIN))));
        if (latest.isEmpty()) {
            return context.notApplicable(subject, name + " has no release with files.");
        }
        PyPIRelease release = latest.get();
        List<Evidence> evidence = new ArrayList<>();
        List<String> attested = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        Set<String> publishers = new LinkedHashSet<>();
        Unavailability gap = null;
        for (PyPIFile file : release.files().subList(0, Math.min(MAX_FILES, release.files().size()))) {
            String source = "GET /integrity/" + name + "/" + release.version() + "/" + file.filename() + "/provenance";
            Fact<PyPIFileProvenance> fact = context.facts().lookup(PyPIFacts.provenance(name, release.version(), file.filename()));
            if (fact instanceof Fact.Unavailable<PyPIFileProvenance> u) {
                gap = gap == null ? u.unavailability() : gap;
                evidence.add(Evidence.of("file " + file.filename(), "could not be read: " + u.unavailability().reason(), source));
                continue;
            }
            PyPIFileProvenance p = ((Fact.Available<PyPIFileProvenance>) fact).value();
            if (p.present() && !p.publishers().isEmpty()) {
                attested.add(file.filename());
                p.publishers().forEach(pub -> publishers.add(describe(pub)));
                evidence.add(Evidence.of("file " + file.filename(), "uploaded by trusted publisher " + String.join("; ",
                        p.publishers().stream().map(PackagePublishing::describe).toList()), source));
            } else {
                missing.add(file.filename());
                evidence.add(Evidence.of("file " + file.filename(), "no attestation: uploaded with a password or API token", source));
            }
        }
        String releaseName = name + " " + release.version();
        if (!attested.isEmpty() && !missing.isEmpty()) {
            return context.fail(subject, String.join(", ", missing) + " of " + releaseName + " were uploaded without the trusted publisher"
                    + " that uploaded " + String.join(", ", attested) + ": a long-lived API token still exists beside trusted publishing,"
                    + " and it was used — as the ultralytics 8.3.45 and 8.3.46 files were uploaded with a leftover token.", evidence);
        }
        if (attested.isEmpty() && gap != null) {
            return context.unknown(subject, gap.reason(), gap.needed(), evidence.toArray(Evidence[]::new));
        }
        if (attested.isEmpty()) {
            Optional<String> previous = previousReleaseAttested(name, project, release, evidence);
            if (previous.isPresent()) {
                return context.fail(subject, "No file of " + releaseName + " came from the trusted publisher that uploaded " + previous.get()
                        + ": a long-lived API token still exists beside trusted publishing, and it was used. Revoke every API token"
                        + " of the project.", evidence);
            }
        }
        return judgeTrusted(subject, name, Registry.PYPI, !attested.isEmpty(), evidence,
                "the latest release, " + releaseName + ", was uploaded by a trusted publisher (" + String.join("; ", publishers) + ")",
                "the latest release, " + releaseName + ", was uploaded with a password or API token, not by a trusted publisher");
    }

    /**
     * A package on trusted publishing FAILs when a token is still in reach (a linked workflow reads one,
     * or the registry lists one), is UNKNOWN when a linked repository's workflows could not be read, and
     * otherwise PASSes; one not on trusted publishing WARNs, or FAILs when the policy requires it.
     */
    private Finding judgeTrusted(String subject, String name, Registry registry, boolean trusted, List<Evidence> evidence,
                                 String trustedText, String untrustedText) {
        List<String> leftovers = new ArrayList<>();
        Optional<Unavailability> workflowGap = Optional.empty();
        for (PublishingRepository repo : linkedRepositories(subject)) {
            RepositoryWorkflows.Publishing p = workflows.of(repo.repo());
            if (p.why().isPresent()) {
                workflowGap = workflowGap.or(p::why);
                evidence.add(Evidence.of("workflows of " + repo.repo(), "could not be read: " + p.why().get().reason(), repo.repo().subject()));
                continue;
            }
            for (PublishJob job : p.tokenJobs(registry)) {
                String where = repo.repo() + " " + job.describe() + " reads " + String.join(", ", job.registrySecrets());
                leftovers.add(where);
                evidence.add(Evidence.of("registry secret in a publish workflow", where, p.source()));
            }
            if (p.tokenJobs(registry).isEmpty()) {
                evidence.add(Evidence.of("publish workflows of " + repo.repo(), "no " + registry.displayName() + " secret read", p.source()));
            }
        }
        Inventory tokens = inventory.tokensFor(context, registry, name);
        if (tokens instanceof Inventory.Found found) {
            int n = found.tokens().size();
            leftovers.add("a long-lived token still exists alongside trusted publishing: the registry lists " + n + " write token"
                    + (n == 1 ? "" : "s") + " that can publish " + name);
            found.tokens().forEach(t -> evidence.add(Evidence.of("long-lived token", t, found.source())));
        } else if (tokens instanceof Inventory.None none) {
            evidence.add(Evidence.of("long-lived tokens", "none can publish " + name, none.source()));
        } else if (tokens instanceof Inventory.NotInspected not) {
            evidence.add(Evidence.of("long-lived tokens of the account", "not inspected: " + not.why(), "audit"));
        }

        if (!trusted) {
            String message = capitalise(untrustedText) + (leftovers.isEmpty() ? "" : "; " + String.join("; ", leftovers))
                    + ". A stolen token can publish from anywhere, as in the Shai-Hulud worm; configure a trusted publisher and"
                    + " revoke the token.";
            if (TrustedPublishingRequirement.required(context)) {
                evidence.add(TrustedPublishingRequirement.evidence(context));
                return context.fail(subject, message + " " + TrustedPublishingRequirement.sentence(context) + ".", evidence);
            }
            return context.warn(subject, message, evidence);
        }
        if (!leftovers.isEmpty()) {
            return context.fail(subject, capitalise(trustedText) + ", but a long-lived token is still in reach: "
                    + String.join("; ", leftovers) + ". Trusted publishing protects nothing while a token can publish too"
                    + " (ultralytics 8.3.45 and 8.3.46 were uploaded with one); delete the secret and revoke the token.", evidence);
        }
        if (workflowGap.isPresent()) {
            return context.unknown(subject, capitalise(trustedText) + ", but the workflows of a linked repository could not be read to"
                    + " rule out a leftover token: " + workflowGap.get().reason(), workflowGap.get().needed(), evidence.toArray(Evidence[]::new));
        }
        return context.pass(subject, capitalise(trustedText) + ", and no publish workflow of a linked repository reads "
                + (registry == Registry.NPM ? "an npm" : "a PyPI") + " token.", evidence);
    }

    private List<PublishingRepository> linkedRepositories(String subject) {
        return repositories.map(r -> r.linkedFrom(subject)).orElse(List.of());
    }

    private Optional<String> previousReleaseAttested(String name, PyPIProject project, PyPIRelease latest, List<Evidence> evidence) {
        if (latest.uploadedAt().isEmpty()) {
            return Optional.empty();
        }
        Instant at = latest.uploadedAt().get();
        Optional<PyPIRelease> previous = project.releases().stream()
                .filter(r -> !r.files().isEmpty() && r.uploadedAt().isPresent() && r.uploadedAt().get().isBefore(at))
                .max(Comparator.comparing(r -> r.uploadedAt().get()));
        if (previous.isEmpty()) {
            return Optional.empty();
        }
        PyPIRelease release = previous.get();
        for (PyPIFile file : release.files().subList(0, Math.min(MAX_PREVIOUS_FILES, release.files().size()))) {
            Fact<PyPIFileProvenance> fact = context.facts().lookup(PyPIFacts.provenance(name, release.version(), file.filename()));
            if (fact instanceof Fact.Available<PyPIFileProvenance> a && a.value().present() && !a.value().publishers().isEmpty()) {
                evidence.add(Evidence.of("previous release " + release.version(), file.filename() + " uploaded by trusted publisher "
                        + describe(a.value().publishers().get(0)), "GET /integrity/" + name + "/" + release.version() + "/"
                        + file.filename() + "/provenance"));
                return Optional.of(name + " " + release.version());
            }
        }
        return Optional.empty();
    }

    private static String describe(NpmVersion v) {
        if (v.trustedPublisher().isPresent()) {
            return "published through trusted publishing (" + v.trustedPublisher().get().id() + ")";
        }
        return "published with a token by " + v.publisher().map(NpmPerson::name).filter(n -> !n.isBlank()).orElse("an unnamed account");
    }

    private static String describe(PyPIPublisher p) {
        return p.kind() + " " + p.repository() + ", workflow " + p.workflow()
                + p.environment().map(e -> ", environment " + e).orElse(", no environment");
    }

    private static String shortList(List<String> versions) {
        return versions.size() <= 5 ? String.join(", ", versions)
                : String.join(", ", versions.subList(versions.size() - 5, versions.size())) + " and " + (versions.size() - 5) + " more";
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
