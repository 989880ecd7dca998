package dev.hardening.auditor.core.facts.npm;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The npm account that owns the supplied token ({@code GET /-/npm/v1/user}).
 *
 * @param cidrWhitelist the profile-wide CIDR restriction, empty when none
 */
public record NpmProfile(String name, String email, Optional<Boolean> emailVerified, NpmTwoFactor twoFactor,
                         List<String> cidrWhitelist, Optional<Instant> created, Optional<Instant> updated) {
    public NpmProfile {
        cidrWhitelist = List.copyOf(cidrWhitelist);
    }
}
