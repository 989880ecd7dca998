package dev.hardening.auditor.checks.release.publishanomalies;

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
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code release.publish-anomalies}: each audited package's release history read for the traces of
 * past takeovers. npm: a version published by someone outside the roster (or the maintainers), a
 * version without provenance after one with it, a newly added install script. npm and PyPI: a release
 * after a year of silence, a burst of versions across release lines within minutes. PyPI: a release
 * without provenance after attested ones, a wheel that adds a {@code .pth} file. Any of the first kind FAIL, only timing anomalies WARN, none
 * PASS. Every anomaly names its version and its evidence.
 */
public final class PublishAnomaliesCheck implements Check {
    static final int IN_MESSAGE = 6;
    static final int MAX_EVIDENCE = 60;
    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        AuditedNames.Names npm = AuditedNames.npmPackages(context);
        AuditedNames.Names pypi = AuditedNames.pypiProjects(context);
        // Each project's provenance and wheels are read after its document: read ahead, several projects
        // at once, started before the npm walk so that PyPI's hosts do not wait for npm's.
        ReadAhead.Walk<String, Finding> pypiWalk = ReadAhead.start(context, Platform.PYPI, pypi.names(), name -> {
            String subject = "pypi:" + name;
            Fact<PyPIProject> fact = context.facts().lookup(PyPIFacts.project(name));
            if (fact instanceof Fact.Available<PyPIProject> available) {
                PyPIProject p = available.value();
                return judge(context, subject, name, p.releases().size(), "release",
                        PyPIHistory.anomalies(context.facts(), p), "GET /pypi/" + name + "/json, Integrity API",
                        "no release without provenance after attested ones among the last " + PyPIHistory.RECENT_RELEASES
                                + ", no new .pth file in the wheels of the last " + PyPIHistory.WHEEL_RELEASES
                                + ", no dormant restart or burst");
            }
            return context.unknown(subject, ((Fact.Unavailable<PyPIProject>) fact).unavailability());
        });
        findings.addAll(npm.unknowns());
        for (String name : npm.names()) {
            String subject = "npm:" + name;
            Fact<NpmPackument> fact = context.facts().lookup(NpmFacts.packument(name));
            if (fact instanceof Fact.Available<NpmPackument> available) {
                NpmPackument p = available.value();
                findings.add(judge(context, subject, name, p.versions().size(), "version",
                        NpmHistory.anomalies(p, context.policy().rosterFor(subject)), "GET /" + name,
                        "expected publishers, provenance kept, no new install scripts, no dormant restart or burst"));
            } else {
                findings.add(context.unknown(subject, ((Fact.Unavailable<NpmPackument>) fact).unavailability()));
            }
        }
        findings.addAll(pypi.unknowns());
        findings.addAll(pypiWalk.results());
        return findings;
    }

    private static Finding judge(CheckContext context, String subject, String name, int count, String noun,
                                 List<Anomaly> anomalies, String source, String looked) {
        if (count == 0) {
            return context.notApplicable(subject, name + " has no published " + noun + "s.");
        }
        if (anomalies.isEmpty()) {
            return context.pass(subject, "Nothing unusual in the " + count + " " + noun + (count == 1 ? "" : "s") + " of " + name
                    + ": " + looked + ".",
                    Evidence.of(noun + "s checked", count, source));
        }
        List<Evidence> evidence = new ArrayList<>();
        boolean strong = false;
        for (Anomaly a : anomalies) {
            if (evidence.size() < MAX_EVIDENCE) {
                evidence.add(Evidence.of(noun + " " + a.version() + ": " + a.kind().label(), a.detail(), source));
            }
            strong |= a.kind().strong();
        }
        if (anomalies.size() > MAX_EVIDENCE) {
            evidence.add(Evidence.of("more anomalies", anomalies.size() - MAX_EVIDENCE + " not listed", source));
        }
        String message = anomalies.size() + (anomalies.size() == 1 ? " anomaly" : " anomalies") + " in the history of " + name
                + ": " + summary(anomalies) + ".";
        if (strong) {
            return context.fail(subject, message + " Compare these " + noun + "s with the repository before anyone installs"
                    + " them; takeovers of eslint-scope, ua-parser-js, coa and rc looked like this.", evidence);
        }
        return context.warn(subject, message + " The timing matches past takeovers (coa, rc, ctx); confirm the team made"
                + " these releases.", evidence);
    }

    /** The anomalies in one sentence; a long history is cut after {@value #IN_MESSAGE} (the evidence lists more). */
    private static String summary(List<Anomaly> anomalies) {
        List<String> parts = new ArrayList<>();
        for (Anomaly a : anomalies.subList(0, Math.min(IN_MESSAGE, anomalies.size()))) {
            parts.add(a.version() + " " + a.detail());
        }
        int rest = anomalies.size() - parts.size();
        return String.join("; ", parts) + (rest > 0 ? "; and " + rest + " more in the evidence" : "");
    }
}
