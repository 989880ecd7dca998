package dev.hardening.auditor.checks.support;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.NameList;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The npm packages and PyPI projects an audit covers, for checks that go through them one by one.
 * Every source that could not be read becomes one UNKNOWN finding; the names that were read are
 * still evaluated. The names' packuments and project documents are prefetched: every check going
 * through them reads each one.
 */
public final class AuditedNames {
    /** The names to evaluate, and the UNKNOWN findings for the sources that could not be read. */
    public record Names(List<String> names, List<Finding> unknowns) {
        public Names {
            names = List.copyOf(names);
            unknowns = List.copyOf(unknowns);
        }
    }

    private AuditedNames() {
    }

    public static Names npmPackages(CheckContext context) {
        boolean targeted = !context.targets().npmPackages().isEmpty() || !context.targets().npmUsers().isEmpty();
        Names names = read(context, NpmFacts.AUDITED_PACKAGES, "npm", targeted);
        // Every check that goes through the packages reads each one's packument.
        context.facts().prefetch(names.names().stream().map(NpmFacts::packument).toList());
        return names;
    }

    public static Names pypiProjects(CheckContext context) {
        boolean targeted = !context.targets().pypiProjects().isEmpty() || !context.targets().pypiUsers().isEmpty();
        Names names = read(context, PyPIFacts.AUDITED_PROJECTS, "pypi", targeted);
        // Every check that goes through the projects reads each one's project document.
        context.facts().prefetch(names.names().stream().map(PyPIFacts::project).toList());
        return names;
    }

    private static Names read(CheckContext context, FactKey<NameList> key, String platform, boolean targeted) {
        Fact<NameList> fact = context.facts().lookup(key);
        if (fact instanceof Fact.Available<NameList> available) {
            List<Finding> unknowns = new ArrayList<>();
            for (Unavailability gap : available.value().gaps()) {
                unknowns.add(context.unknown(platform, gap));
            }
            return new Names(new ArrayList<>(new LinkedHashSet<>(available.value().names())), unknowns);
        }
        Unavailability why = ((Fact.Unavailable<NameList>) fact).unavailability();
        // Nothing collects this platform and nothing of it was asked for: the audit simply does not cover it.
        if (!targeted && why.cause() == Unavailability.Cause.NOT_CONFIGURED) {
            return new Names(List.of(), List.of());
        }
        return new Names(List.of(), List.of(context.unknown(platform, why)));
    }
}
