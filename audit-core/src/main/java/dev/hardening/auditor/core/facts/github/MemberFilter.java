package dev.hardening.auditor.core.facts.github;

/**
 * The {@code filter} of {@code GET /orgs/{org}/members} and {@code .../outside_collaborators}.
 * The 2FA filters are answered for organisation owners only; {@code 2fa_insecure} lists people
 * whose second factor is SMS (GitHub changelog 2024-11-21).
 */
public enum MemberFilter {
    ALL("all"), TWO_FA_DISABLED("2fa_disabled"), TWO_FA_INSECURE("2fa_insecure");

    private final String query;

    MemberFilter(String query) {
        this.query = query;
    }

    /** The value of the {@code filter} query parameter. */
    public String query() {
        return query;
    }
}
