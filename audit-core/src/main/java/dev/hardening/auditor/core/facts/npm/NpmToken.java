package dev.hardening.auditor.core.facts.npm;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of {@code GET /-/npm/v1/tokens}, without its secret: the registry's {@code token} field
 * is never kept. Tokens are told apart by the first characters of their {@code key}, as
 * {@code npm token list} shows them.
 *
 * @param keyPrefix   the first {@value #KEY_PREFIX_LENGTH} characters of {@code key}
 * @param readonly    {@code readonly}, when the registry sends it
 * @param cidr        {@code cidr_whitelist} (or {@code cidr}): the networks the token works from; empty when unrestricted
 * @param permissions {@code permissions} as text (granular tokens), empty when absent
 * @param bypass2fa   {@code bypass_2fa}: the token publishes without a second factor
 * @param created     {@code created}
 * @param updated     {@code updated}
 * @param expiry      {@code expiry}; empty when the token never expires (or the registry does not say)
 * @param accessed    {@code accessed}: last use, when the registry reports it
 * @param revoked     {@code revoked} set to true or a date
 */
public record NpmToken(String keyPrefix, Optional<Boolean> readonly, List<String> cidr, List<String> permissions,
                       Optional<Boolean> bypass2fa, Optional<Instant> created, Optional<Instant> updated,
                       Optional<Instant> expiry, Optional<Instant> accessed, boolean revoked) {
    public static final int KEY_PREFIX_LENGTH = 6;

    /** The prefix of {@link #id()}. */
    public static final String ID_PREFIX = "npm-token:";

    public NpmToken {
        cidr = List.copyOf(cidr);
        permissions = List.copyOf(permissions);
    }

    /**
     * How reports, snapshot diffs and the incident playbook name this token: {@code npm-token:} and its
     * key prefix ({@code npm-token:abcd12}). The token list never returns a token's value, so there is
     * nothing to fingerprint; the key prefix is what {@code npm token list} shows and what
     * {@code npm token revoke} accepts, and it stays the same for the token's whole life.
     */
    public String id() {
        return ID_PREFIX + keyPrefix;
    }

    /**
     * Whether the token can publish: not marked {@code readonly}, and, for a granular token that
     * lists its permissions, one of them is a write permission. A token that says nothing is taken
     * as able to write (classic publish and automation tokens).
     */
    public boolean canWrite() {
        if (readonly.orElse(false)) {
            return false;
        }
        if (!permissions.isEmpty()) {
            return permissions.stream().anyMatch(p -> p.toLowerCase(Locale.ROOT).contains("write"));
        }
        return true;
    }
}
