package dev.hardening.auditor.core.attest;

import dev.hardening.auditor.core.facts.attest.Attestations;

/** Where the user's declarations are kept. */
public interface AttestationStore {

    /** Every declaration on record; {@link Attestations#none()} when nothing was declared yet. */
    Attestations load() throws AttestationStoreException;

    /** Replaces what is on record. */
    void save(Attestations attestations) throws AttestationStoreException;

    /** A read-only store holding fixed declarations (the demo world, tests). */
    static AttestationStore fixed(Attestations attestations) {
        return new AttestationStore() {
            @Override
            public Attestations load() {
                return attestations;
            }

            @Override
            public void save(Attestations ignored) throws AttestationStoreException {
                throw new AttestationStoreException("these declarations are fixed and cannot be changed");
            }
        };
    }

    /** The store could not be read or written; the message names the file and the problem, in one sentence. */
    final class AttestationStoreException extends Exception {
        public AttestationStoreException(String message) {
            super(message);
        }

        public AttestationStoreException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
