package dev.hardening.auditor.core.config;

import dev.hardening.auditor.core.attest.AttestationStore;
import dev.hardening.auditor.core.attest.FileAttestationStore;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.workstation.Home;
import dev.hardening.auditor.core.workstation.LocalHome;
import dev.hardening.auditor.core.workstation.NoHome;
import java.util.Objects;

/**
 * What an audit reads from this machine rather than from a service: the home (credential files,
 * SSH keys, environment; read only with {@code --workstation}) and the user's declarations. Tests
 * and the demo world supply their own, so that nothing of the real machine is read.
 */
public record LocalSources(Home home, AttestationStore attestations) {
    public LocalSources {
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(attestations, "attestations");
    }

    /** The real machine: its home and environment, and the declarations in the configuration directory. */
    public static LocalSources thisMachine() {
        return new LocalSources(LocalHome.current(), FileAttestationStore.in(AppDirectories.current()));
    }

    /** Nothing: an empty home and no declarations. */
    public static LocalSources none() {
        return new LocalSources(new NoHome(), AttestationStore.fixed(Attestations.none()));
    }
}
