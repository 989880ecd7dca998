package dev.hardening.auditor.core.collect;

import dev.hardening.auditor.core.attest.AttestationStore.AttestationStoreException;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.facts.CollectionException;
import dev.hardening.auditor.core.facts.CollectorRegistry;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.attest.AttestationFacts;
import dev.hardening.auditor.core.facts.password.PasswordFacts;

/**
 * Collectors of what the user tells the auditor rather than what a service shows: declarations
 * (second factors), and the password check, which is never part of an audit.
 */
final class LocalCollectors {
    private LocalCollectors() {
    }

    static void register(CollectorRegistry r, LocalSources local) {
        r.register(AttestationFacts.ATTESTATIONS, (key, facts) -> {
            try {
                return local.attestations().load();
            } catch (AttestationStoreException e) {
                throw new CollectionException(Unavailability.of(Cause.MALFORMED, e.getMessage(),
                        "declare each second factor again with auditor attest"), e);
            }
        });
        r.register(PasswordFacts.PWNED, (key, facts) -> {
            throw new CollectionException(Unavailability.of(Cause.NOT_CONFIGURED,
                    "passwords are checked only on request, never during an audit, and the result is not kept",
                    "run auditor password-check (or Password check in the app): only 5 characters of the password's"
                            + " SHA-1 leave the machine"));
        });
    }
}
