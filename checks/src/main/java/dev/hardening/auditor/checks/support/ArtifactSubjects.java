package dev.hardening.auditor.checks.support;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.artifacts.ArtifactFacts;
import dev.hardening.auditor.core.facts.artifacts.ArtifactScans;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The artifact scans a check judges: those of every audited npm package and PyPI project, and the
 * local path of {@code auditor scan} when that command supplies one. Sources that could not be
 * read are UNKNOWN findings.
 */
public final class ArtifactSubjects {
    /** The scans to judge, and UNKNOWN findings for those that could not be made. */
    public record Subjects(List<ArtifactScans> scans, List<Finding> unknowns) {
        public Subjects {
            scans = List.copyOf(scans);
            unknowns = List.copyOf(unknowns);
        }
    }

    private ArtifactSubjects() {
    }

    public static Subjects of(CheckContext context) {
        List<ArtifactScans> scans = new ArrayList<>();
        List<Finding> unknowns = new ArrayList<>();
        context.facts().lookup(ArtifactFacts.LOCAL).valueIfAvailable().ifPresent(scans::add);
        AuditedNames.Names npm = AuditedNames.npmPackages(context);
        AuditedNames.Names pypi = AuditedNames.pypiProjects(context);
        context.facts().prefetch(npm.names().stream().map(ArtifactFacts::npm).toList());
        context.facts().prefetch(pypi.names().stream().map(ArtifactFacts::pypi).toList());
        unknowns.addAll(npm.unknowns());
        for (String name : npm.names()) {
            add(context, ArtifactFacts.npm(name), "npm:" + name, scans, unknowns);
        }
        unknowns.addAll(pypi.unknowns());
        for (String name : pypi.names()) {
            add(context, ArtifactFacts.pypi(name), "pypi:" + name, scans, unknowns);
        }
        return new Subjects(scans, unknowns);
    }

    private static void add(CheckContext context, dev.hardening.auditor.core.facts.FactKey<ArtifactScans> key, String subject,
                            List<ArtifactScans> scans, List<Finding> unknowns) {
        Fact<ArtifactScans> fact = context.facts().lookup(key);
        if (fact instanceof Fact.Available<ArtifactScans> available) {
            scans.add(available.value());
        } else {
            unknowns.add(context.unknown(subject, ((Fact.Unavailable<ArtifactScans>) fact).unavailability()));
        }
    }

    /** The path inside the artifact: {@code x-1.0.0.tgz!/package/.env} becomes {@code package/.env}. */
    public static String innerPath(String path) {
        int bang = path.indexOf("!/");
        return bang < 0 ? path : path.substring(bang + 2);
    }
}
