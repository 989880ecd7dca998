package dev.hardening.auditor.core.team;

import dev.hardening.auditor.core.signing.PublicKey;
import java.time.Instant;
import java.util.Objects;

/** A registered team member: the name the lead gave them and the public key their snapshots are signed with. */
public record TeamMember(String name, PublicKey publicKey, Instant addedAt) {
    public TeamMember {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(publicKey, "publicKey");
        Objects.requireNonNull(addedAt, "addedAt");
    }
}
