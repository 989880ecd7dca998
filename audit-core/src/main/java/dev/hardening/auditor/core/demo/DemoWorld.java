package dev.hardening.auditor.core.demo;

import dev.hardening.auditor.core.AuditorSettings;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.policy.Policy;

/**
 * The bundled demo world: a fictional maintainer whose API responses (in the real APIs' shapes)
 * are answered in-process, so the full engine runs offline with no token.
 * STUB: signatures agreed, implementation in progress.
 */
public final class DemoWorld {
    private DemoWorld() {
    }

    /** Settings that route every request to the demo world; {@code http} supplies limits (its cache is ignored). */
    public static AuditorSettings settings(HttpSettings http) {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The demo maintainer's targets. */
    public static AuditTargets targets() {
        throw new UnsupportedOperationException("not yet implemented");
    }

    /** The demo team's policy (publisher roster). */
    public static Policy policy() {
        return Policy.none();
    }
}
