package dev.hardening.auditor.sim.faults;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.sim.server.Host;
import dev.hardening.auditor.sim.server.SimRequest;
import java.util.Set;
import java.util.function.Predicate;

/**
 * One client of the auditor as the fault matrix sees it: the host (and the part of it) its requests
 * go to, the checks that read its data, and which of their findings came from it. A new client is
 * one more constant here.
 */
enum FaultedClient {
    GITHUB(Host.GITHUB, r -> true,
            Set.of("github.2fa", "github.token", "github.signing-keys", "github.commit-email-exposure", "github.signed-commits",
                    "github.org-2fa", "github.branch-protection", "github.workflow-injection", "github.repo-access",
                    "release.trusted-publishing"),
            f -> f.check().startsWith("github.") || f.check().equals("release.trusted-publishing")
                    && (f.subject().startsWith("repo:") || f.subject().startsWith("pypi:"))),
    NPM(Host.NPM, r -> true,
            Set.of("npm.2fa", "npm.tokens", "publishers.roster", "registry.email-exposure", "release.provenance",
                    "release.publish-anomalies", "release.leaked-secrets", "release.sensitive-files"),
            f -> f.subject().startsWith("npm")),
    /** The packuments alone (their own parser and a 160 MB cap), the rest of the registry answering. */
    NPM_PACKUMENTS(Host.NPM, r -> r.segments().size() == 1 && !r.segments().get(0).startsWith("-"),
            Set.of("publishers.roster", "registry.email-exposure", "release.provenance", "release.publish-anomalies",
                    "release.leaked-secrets", "release.trusted-publishing"),
            f -> f.subject().startsWith("npm:")),
    PYPI_JSON(Host.PYPI, r -> r.rawPath().startsWith("/pypi/"),
            Set.of("publishers.roster", "registry.email-exposure", "release.provenance", "release.publish-anomalies",
                    "release.leaked-secrets", "release.sensitive-files", "release.trusted-publishing"),
            f -> f.subject().startsWith("pypi:")),
    PYPI_INTEGRITY(Host.PYPI, r -> r.rawPath().startsWith("/integrity/"),
            Set.of("release.provenance", "release.trusted-publishing"),
            f -> f.subject().startsWith("pypi:")),
    PYPI_FILES(Host.FILES, r -> true,
            Set.of("release.leaked-secrets", "release.sensitive-files"),
            f -> f.subject().startsWith("pypi:")),
    RDAP(Host.RDAP, r -> true, Set.of("email.domain-expiry"), f -> f.check().equals("email.domain-expiry")),
    HIBP(Host.HIBP, r -> true, Set.of("email.breach"), f -> f.check().equals("email.breach")),
    /** Not part of an audit: {@code auditor password-check} asks it; the matrix runs that path. */
    PWNED_PASSWORDS(Host.PWNED_PASSWORDS, r -> true, Set.of("password.pwned"), f -> true);

    private final Host host;
    private final Predicate<SimRequest> requests;
    private final Set<String> checks;
    private final Predicate<Finding> fromHere;

    FaultedClient(Host host, Predicate<SimRequest> requests, Set<String> checks, Predicate<Finding> fromHere) {
        this.host = host;
        this.requests = requests;
        this.checks = checks;
        this.fromHere = fromHere;
    }

    Host host() {
        return host;
    }

    /** The requests of this client on its host. */
    Predicate<SimRequest> requests() {
        return requests;
    }

    /** The checks that read this client's data (the audit of a cell runs only these). */
    Set<String> checks() {
        return checks;
    }

    /** Whether a finding of one of {@link #checks()} rests on this client's data. */
    boolean dependsOnIt(Finding f) {
        return checks.contains(f.check()) && fromHere.test(f);
    }
}
