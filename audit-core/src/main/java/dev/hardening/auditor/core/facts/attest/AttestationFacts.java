package dev.hardening.auditor.core.facts.attest;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** The user's own declarations (recorded with {@code auditor attest} or the desktop's dialog). */
public final class AttestationFacts {
    private AttestationFacts() {
    }

    /** Every declaration on record; empty when none was made. */
    public static final FactKey<Attestations> ATTESTATIONS =
            FactKey.of("attest.declarations", Platform.POLICY, Attestations.class);
}
