package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.Collector;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.Facts;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.email.KnownEmail;
import dev.hardening.auditor.core.facts.email.KnownEmails;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.npm.NpmProfile;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.model.AuditTargets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code email.known}: every address the audit knows, from {@code --email}, the token owners'
 * GitHub and npm profiles, npm {@code maintainers[].email} of the audited packages and PyPI
 * {@code author_email} / {@code maintainer_email} of the audited projects. It reads those through
 * the other (memoised) facts, so nothing is fetched twice; a source that cannot be read becomes a
 * gap, and the addresses from the others are still returned.
 */
final class KnownEmailsCollector implements Collector<KnownEmails> {
    private final Clients clients;
    private final AuditTargets targets;

    KnownEmailsCollector(Clients clients, AuditTargets targets) {
        this.clients = clients;
        this.targets = targets;
    }

    @Override
    public KnownEmails collect(FactKey<KnownEmails> key, Facts facts) {
        Map<String, Set<String>> sourcesByAddress = new LinkedHashMap<>();
        List<Unavailability> gaps = new ArrayList<>();

        for (String e : targets.emails()) {
            add(sourcesByAddress, e, "--email");
        }
        // Profiles are read only with a token: without one, there is no profile to miss.
        if (clients.github().hasToken()) {
            FactReads.read(facts, GitHubFacts.VIEWER, gaps, (GitHubViewer v) -> v.user().publicEmail().ifPresent(
                    e -> add(sourcesByAddress, e, "GitHub profile of " + v.user().login())));
        }
        if (clients.npm().hasToken()) {
            FactReads.read(facts, NpmFacts.PROFILE, gaps, (NpmProfile p) ->
                    add(sourcesByAddress, p.email(), "npm profile of " + p.name()));
        }
        FactReads.read(facts, NpmFacts.AUDITED_PACKAGES, gaps, (NameList packages) -> {
            gaps.addAll(packages.gaps());
            facts.prefetch(packages.names().stream().map(NpmFacts::packument).toList());
            for (String name : packages.names()) {
                FactReads.read(facts, NpmFacts.packument(name), gaps, (NpmPackument p) -> {
                    for (NpmPerson m : p.maintainers()) {
                        add(sourcesByAddress, m.email(), "npm maintainers of " + p.name());
                    }
                });
            }
        });
        FactReads.read(facts, PyPIFacts.AUDITED_PROJECTS, gaps, (NameList projects) -> {
            gaps.addAll(projects.gaps());
            facts.prefetch(projects.names().stream().map(PyPIFacts::project).toList());
            for (String name : projects.names()) {
                FactReads.read(facts, PyPIFacts.project(name), gaps, (PyPIProject p) -> {
                    p.authorEmail().ifPresent(e -> add(sourcesByAddress, e, "PyPI author_email of " + p.name()));
                    p.maintainerEmail().ifPresent(e -> add(sourcesByAddress, e, "PyPI maintainer_email of " + p.name()));
                });
            }
        });

        List<KnownEmail> emails = new ArrayList<>();
        sourcesByAddress.forEach((address, sources) -> EmailAddresses.registrableDomain(address)
                .ifPresent(domain -> emails.add(new KnownEmail(address, domain, List.copyOf(sources)))));
        return new KnownEmails(emails, gaps);
    }

    /** Adds every address found in {@code field}; no-reply addresses are skipped (they receive no mail). */
    private static void add(Map<String, Set<String>> sourcesByAddress, String field, String source) {
        for (String address : EmailAddresses.extract(field)) {
            if (!EmailAddresses.isGitHubNoreply(address)) {
                sourcesByAddress.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(source);
            }
        }
    }
}
