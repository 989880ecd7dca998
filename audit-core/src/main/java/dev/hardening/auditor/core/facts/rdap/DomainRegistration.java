package dev.hardening.auditor.core.facts.rdap;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A domain's registration as its registry's RDAP server reports it.
 *
 * @param domain      the registrable domain queried, e.g. {@code example.co.uk}
 * @param registered  false when the registry answered 404: anyone can register it
 * @param registeredAt the {@code registration} event
 * @param expiresAt   the {@code expiration} event; many ccTLD registries do not publish one
 * @param statuses    RDAP {@code status} values, e.g. {@code redemption period}, {@code pending delete}
 * @param server      the RDAP server that answered
 */
public record DomainRegistration(String domain, boolean registered, Optional<Instant> registeredAt,
                                 Optional<Instant> expiresAt, List<String> statuses, String server) {
    public DomainRegistration {
        statuses = List.copyOf(statuses);
    }
}
