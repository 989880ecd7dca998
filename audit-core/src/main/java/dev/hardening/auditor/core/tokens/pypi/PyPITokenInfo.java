package dev.hardening.auditor.core.tokens.pypi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a PyPI API token says about itself, decoded offline from its macaroon caveats. Holds no
 * secret: the token is identified by its fingerprint only.
 *
 * @param index               the index that issued it ({@code pypi.org} or {@code test.pypi.org})
 * @param fingerprint         {@code pypi-… sha256:…}, safe to print
 * @param format              which caveat spelling the token uses
 * @param scope               how far the token reaches
 * @param projectNames        projects it is restricted to by name (ProjectName or legacy {@code projects})
 * @param projectIds          projects it is restricted to by id (ProjectID or legacy {@code project_ids})
 * @param userId              the user it is bound to (RequestUser), if any
 * @param oidcPublisherId     the trusted publisher that minted it (OIDCPublisher), if any
 * @param expiresAt           the earliest expiry among its Expiration caveats
 * @param notBefore           the latest not-before among its Expiration caveats
 * @param caveats             one line per caveat, in order, for display
 * @param unrecognisedCaveats caveats this decoder does not know (they may restrict the token further)
 */
public record PyPITokenInfo(Index index, String fingerprint, Format format, Scope scope, List<String> projectNames,
                            List<String> projectIds, Optional<String> userId, Optional<String> oidcPublisherId,
                            Optional<Instant> expiresAt, Optional<Instant> notBefore, List<String> caveats,
                            int unrecognisedCaveats) {

    public PyPITokenInfo {
        Objects.requireNonNull(index, "index");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(scope, "scope");
        projectNames = List.copyOf(projectNames);
        projectIds = List.copyOf(projectIds);
        caveats = List.copyOf(caveats);
    }

    /** The index a token was issued for: its macaroon location. */
    public enum Index {
        PYPI("pypi.org"), TEST_PYPI("test.pypi.org");

        private final String location;

        Index(String location) {
            this.location = location;
        }

        public String location() {
            return location;
        }

        /** The account page that lists the API tokens, where one is removed. */
        public String tokensPage() {
            return "https://" + location + "/manage/account/#api-tokens";
        }
    }

    /** The caveat spelling: current JSON arrays ({@code [tag, ...]}) or the legacy JSON objects. */
    public enum Format {
        CURRENT, LEGACY, MIXED, NONE
    }

    /** How far a token reaches. */
    public enum Scope {
        /** Every project of the user, including projects created later. */
        ACCOUNT,
        /** Only the named projects (by name or id). */
        PROJECTS,
        /** Minted by trusted publishing (OIDC) for one publisher's projects; short-lived. */
        TRUSTED_PUBLISHER
    }

    /** Whether the token can no longer be used at {@code now}. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt.map(now::isAfter).orElse(false);
    }
}
