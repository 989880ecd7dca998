package dev.hardening.auditor.checks.registry.emailexposure;

import dev.hardening.auditor.checks.support.AuditedNames;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.collect.EmailAddresses;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.npm.NpmPerson;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.secrets.Masking;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code registry.email-exposure}: the addresses each audited package publishes to everyone (npm
 * {@code maintainers[].email}, PyPI {@code author_email} and {@code maintainer_email}), masked. Any
 * personal address WARN (the accounts behind it are reset through that mailbox, and attackers phish
 * it); none PASS. The same addresses feed {@code email.domain-expiry} and {@code email.breach}.
 */
public final class RegistryEmailExposureCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        AuditedNames.Names npm = AuditedNames.npmPackages(context);
        findings.addAll(npm.unknowns());
        for (String name : npm.names()) {
            Fact<NpmPackument> fact = context.facts().lookup(NpmFacts.packument(name));
            if (fact instanceof Fact.Available<NpmPackument> available) {
                Map<String, Set<String>> found = new LinkedHashMap<>();
                for (NpmPerson m : available.value().maintainers()) {
                    add(found, m.email(), "maintainers[].email (" + m.name() + ")");
                }
                findings.add(judge(context, "npm:" + name, name, found, "GET /" + name));
            } else {
                findings.add(context.unknown("npm:" + name, ((Fact.Unavailable<NpmPackument>) fact).unavailability()));
            }
        }
        AuditedNames.Names pypi = AuditedNames.pypiProjects(context);
        findings.addAll(pypi.unknowns());
        for (String name : pypi.names()) {
            Fact<PyPIProject> fact = context.facts().lookup(PyPIFacts.project(name));
            if (fact instanceof Fact.Available<PyPIProject> available) {
                Map<String, Set<String>> found = new LinkedHashMap<>();
                available.value().authorEmail().ifPresent(e -> add(found, e, "info.author_email"));
                available.value().maintainerEmail().ifPresent(e -> add(found, e, "info.maintainer_email"));
                findings.add(judge(context, "pypi:" + name, name, found, "GET /pypi/" + name + "/json"));
            } else {
                findings.add(context.unknown("pypi:" + name, ((Fact.Unavailable<PyPIProject>) fact).unavailability()));
            }
        }
        return findings;
    }

    private static void add(Map<String, Set<String>> found, String field, String where) {
        for (String address : EmailAddresses.extract(field)) {
            if (!EmailAddresses.isGitHubNoreply(address)) {
                found.computeIfAbsent(address, a -> new LinkedHashSet<>()).add(where);
            }
        }
    }

    private static Finding judge(CheckContext context, String subject, String name, Map<String, Set<String>> found,
                                 String source) {
        if (found.isEmpty()) {
            return context.pass(subject, name + " publishes no personal email address.",
                    Evidence.of("addresses", "none", source));
        }
        List<Evidence> evidence = new ArrayList<>();
        Set<String> domains = new TreeSet<>();
        found.forEach((address, fields) -> {
            evidence.add(Evidence.of(Masking.email(address), String.join(", ", fields), source));
            domains.add(EmailAddresses.registrableDomain(address).orElse(Masking.domainOf(address)));
        });
        Optional<String> many = found.size() == 1 ? Optional.empty() : Optional.of(found.size() + " addresses");
        return context.warn(subject, name + " publishes " + many.orElse("an address") + " on " + String.join(", ", domains)
                + " to anyone who asks the registry: whoever controls " + (found.size() == 1 ? "that mailbox" : "those mailboxes")
                + " or " + (domains.size() == 1 ? "its domain" : "their domains") + " can reset the publishing accounts,"
                + " and attackers phish exactly these addresses (chalk and debug, 2025). Protect them; email.domain-expiry and"
                + " email.breach check each one.", evidence);
    }
}
