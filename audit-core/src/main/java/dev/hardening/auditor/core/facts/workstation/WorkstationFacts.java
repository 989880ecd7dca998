package dev.hardening.auditor.core.facts.workstation;

import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.model.Platform;

/** The workstation facts that checks can ask for (collected only with {@code --workstation}). */
public final class WorkstationFacts {
    private WorkstationFacts() {
    }

    /** Credentials in files and the environment that an install script could read. */
    public static final FactKey<WorkstationCredentials> CREDENTIALS =
            FactKey.of("workstation.credentials", Platform.WORKSTATION, WorkstationCredentials.class);

    /** The private keys in {@code ~/.ssh}. */
    public static final FactKey<SshKeys> SSH_KEYS = FactKey.of("workstation.ssh-keys", Platform.WORKSTATION, SshKeys.class);
}
