package dev.hardening.auditor.core.facts.github.repo;

import java.time.Instant;
import java.util.Optional;

/**
 * One deploy key of {@code GET /repos/{o}/{r}/keys}. The public key itself is not kept: its type is
 * enough to describe it.
 *
 * @param keyType  e.g. {@code ssh-ed25519}
 * @param readOnly {@code read_only}
 * @param lastUsed {@code last_used}, absent when never used (or not reported)
 */
public record DeployKey(long id, String title, String keyType, boolean readOnly, Optional<Instant> createdAt,
                        Optional<Instant> lastUsed, Optional<String> addedBy) {
}
