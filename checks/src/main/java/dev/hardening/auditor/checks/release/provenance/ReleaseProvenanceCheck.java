package dev.hardening.auditor.checks.release.provenance;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.checks.support.AuditedNames;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.npm.NpmPackument;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code release.provenance}: whether recent releases of each audited package carry provenance that ties
 * them to a repository and workflow (npm attestations or trusted publishing, PyPI PEP 740 attestations),
 * and whether a release lost it after earlier ones had it. One finding per package.
 */
public final class ReleaseProvenanceCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        AuditedNames.Names npm = AuditedNames.npmPackages(context);
        AuditedNames.Names pypi = AuditedNames.pypiProjects(context);
        // Each project's files' provenance is read after its document: read ahead, several projects at
        // once, started before the npm walk so that PyPI's hosts do not wait for npm's.
        ReadAhead.Walk<String, Finding> pypiWalk = ReadAhead.start(context, Platform.PYPI, pypi.names(), name -> {
            Fact<PyPIProject> fact = context.facts().lookup(PyPIFacts.project(name));
            return fact instanceof Fact.Available<PyPIProject> available
                    ? PyPIReleaseProvenance.judge(context, name, available.value())
                    : context.unknown("pypi:" + name, ((Fact.Unavailable<PyPIProject>) fact).unavailability());
        });
        findings.addAll(npm.unknowns());
        for (String name : npm.names()) {
            Fact<NpmPackument> fact = context.facts().lookup(NpmFacts.packument(name));
            findings.add(fact instanceof Fact.Available<NpmPackument> available
                    ? NpmReleaseProvenance.judge(context, name, available.value())
                    : context.unknown("npm:" + name, ((Fact.Unavailable<NpmPackument>) fact).unavailability()));
        }
        findings.addAll(pypi.unknowns());
        findings.addAll(pypiWalk.results());
        return findings;
    }
}
