package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.clients.Clients;
import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.model.AuditTargets;

/** Collectors of PyPI facts. */
final class PyPICollectors {
    private PyPICollectors() {
    }

    static void register(CollectorRegistry r, Clients clients, AuditTargets targets) {
        r.register(PyPIFacts.project(""), (key, facts) -> clients.pypi().project(key.subject()));
        r.register(PyPIFacts.AUDITED_PROJECTS, new PyPIAuditedProjectsCollector(targets, user -> clients.pypi().userProjects(user)));
        // Decoded locally: the token never leaves the machine.
        r.register(PyPIFacts.TOKEN_SCOPE, (key, facts) -> clients.pypi().tokenScope());
        r.register(PyPIFacts.wheelEntries("", "", ""), (key, facts) -> {
            String[] parts = key.subject().split("/", -1);
            if (parts.length != 3) {
                throw new CollectionException(Unavailability.of(Cause.INTERNAL,
                        "a wheel fact must name project/version/filename, not " + key.subject(), "report the problem"));
            }
            Fact<PyPIProject> project = facts.lookup(PyPIFacts.project(parts[0]));
            if (project instanceof Fact.Unavailable<PyPIProject> unavailable) {
                throw new CollectionException(unavailable.unavailability());
            }
            String url = ((Fact.Available<PyPIProject>) project).value().release(parts[1]).stream()
                    .flatMap(release -> release.files().stream()).filter(f -> f.filename().equals(parts[2])).map(PyPIFile::url)
                    .findFirst().orElseThrow(() -> new CollectionException(Unavailability.of(Cause.NOT_FOUND,
                            "PyPI lists no file " + parts[2] + " in " + parts[0] + " " + parts[1], "check the project")));
            return clients.pypi().wheelEntries(parts[0], parts[1], parts[2], url);
        });
        r.register(PyPIFacts.provenance("", "", ""), (key, facts) -> {
            String[] parts = key.subject().split("/", -1);
            if (parts.length != 3) {
                throw new CollectionException(Unavailability.of(Cause.INTERNAL,
                        "a provenance fact must name project/version/filename, not " + key.subject(),
                        "report the problem"));
            }
            return clients.pypi().provenance(parts[0], parts[1], parts[2]);
        });
    }
}
