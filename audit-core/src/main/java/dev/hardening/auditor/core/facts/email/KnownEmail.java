package dev.hardening.auditor.core.facts.email;

import java.util.List;

/**
 * An address the audit knows about, with where it was seen (e.g. {@code npm maintainers of left-pad},
 * {@code --email}). Shown masked in evidence.
 *
 * @param address           the address, lower-cased
 * @param registrableDomain the domain someone would have to own to receive its mail, e.g. {@code example.co.uk}
 * @param sources           where it was seen
 */
public record KnownEmail(String address, String registrableDomain, List<String> sources) {
    public KnownEmail {
        sources = List.copyOf(sources);
    }
}
