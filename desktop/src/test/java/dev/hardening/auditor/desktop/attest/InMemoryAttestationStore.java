package dev.hardening.auditor.desktop.attest;

import dev.hardening.auditor.core.attest.AttestationStore;
import dev.hardening.auditor.core.facts.attest.Attestations;

/** A store in memory, that can be told to fail. */
final class InMemoryAttestationStore implements AttestationStore {
    private volatile Attestations saved = Attestations.none();
    private volatile String failure;

    InMemoryAttestationStore failingWith(String message) {
        this.failure = message;
        return this;
    }

    Attestations saved() {
        return saved;
    }

    @Override
    public Attestations load() throws AttestationStoreException {
        if (failure != null) {
            throw new AttestationStoreException(failure);
        }
        return saved;
    }

    @Override
    public void save(Attestations attestations) throws AttestationStoreException {
        if (failure != null) {
            throw new AttestationStoreException(failure);
        }
        saved = attestations;
    }
}
