package dev.hardening.auditor.core.facts.hibp;

import java.util.List;

/**
 * The breaches HIBP knows for one address ({@code GET /breachedaccount/{address}}); an empty list
 * is HIBP's answer "not found in any breach".
 */
public record AccountBreaches(String address, List<Breach> breaches) {
    public AccountBreaches {
        breaches = List.copyOf(breaches);
    }
}
