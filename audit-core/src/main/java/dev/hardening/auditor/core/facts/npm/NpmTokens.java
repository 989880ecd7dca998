package dev.hardening.auditor.core.facts.npm;

import java.util.List;

/**
 * The tokens of the account that owns the supplied npm token ({@code GET /-/npm/v1/tokens}, every page).
 *
 * @param tokens   every token listed
 * @param complete false when the listing was cut at the page limit
 */
public record NpmTokens(List<NpmToken> tokens, boolean complete) {
    public NpmTokens {
        tokens = List.copyOf(tokens);
    }
}
