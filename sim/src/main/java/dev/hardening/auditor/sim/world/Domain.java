package dev.hardening.auditor.sim.world;

import java.time.Instant;
import java.util.Optional;

/**
 * A mail domain as RDAP describes it.
 *
 * @param registered whether anyone holds it (RDAP answers 404 otherwise)
 * @param expires    its expiration event, if the registry publishes one
 */
public record Domain(String name, boolean registered, Optional<Instant> expires) {
}
