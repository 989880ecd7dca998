package dev.hardening.auditor.core.tokens.pypi;

import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo.Scope;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * A decoded PyPI token explained for a person ({@code ./auditor token-inspect}): what kind of token
 * it is, how far it reaches, when it expires, what it can do and how to revoke it. Holds no secret.
 *
 * @param kind     e.g. "PyPI API token (current caveat format)"
 * @param scope    e.g. "the whole account: every project, including those created later"
 * @param expiry   e.g. "never expires" or "expires 2026-09-01 12:00 UTC (in 92 days)"
 * @param canDo    what someone holding it can do
 * @param revoke   how to revoke it, with the page to do it on
 * @param caveats  the caveats one per line, as the token carries them
 * @param fingerprint identifies the token without revealing it
 */
public record PyPITokenDescription(String kind, String scope, String expiry, String canDo, String revoke,
                                   List<String> caveats, String fingerprint) {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    public PyPITokenDescription {
        caveats = List.copyOf(caveats);
    }

    /**
     * Decodes a token offline and describes it, for {@code ./auditor token-inspect}. The token is not
     * kept; the error, if any, never contains it.
     */
    public static PyPITokenDescription inspect(CharSequence token, Instant now) throws InvalidTokenException {
        return of(PyPITokenDecoder.decode(token), now);
    }

    public static PyPITokenDescription of(PyPITokenInfo info, Instant now) {
        String index = info.index() == PyPITokenInfo.Index.TEST_PYPI ? "TestPyPI" : "PyPI";
        String kind = switch (info.scope()) {
            case TRUSTED_PUBLISHER -> index + " upload token minted by trusted publishing (OIDC)";
            default -> index + " API token" + switch (info.format()) {
                case CURRENT -> " (current caveat format)";
                case LEGACY -> " (legacy caveat format)";
                case MIXED -> " (current and legacy caveats)";
                case NONE -> " (no caveats)";
            };
        };
        return new PyPITokenDescription(kind, scope(info), expiry(info, now), canDo(info, index), revoke(info, index),
                info.caveats(), info.fingerprint());
    }

    /** Label and value lines, in the order a person reads them. */
    public List<String[]> rows() {
        return List.of(
                new String[] {"kind", kind},
                new String[] {"token", fingerprint},
                new String[] {"scope", scope},
                new String[] {"expiry", expiry},
                new String[] {"can", canDo},
                new String[] {"revoke", revoke});
    }

    /** The description as plain text, one "label: value" per line, then the caveats. */
    public String text() {
        StringBuilder b = new StringBuilder();
        rows().forEach(r -> b.append(String.format("%-7s %s%n", r[0] + ":", r[1])));
        b.append("caveats:").append(caveats.isEmpty() ? " none" : "").append(System.lineSeparator());
        caveats.forEach(c -> b.append("  - ").append(c).append(System.lineSeparator()));
        return b.toString();
    }

    private static String scope(PyPITokenInfo info) {
        String unknown = info.unrecognisedCaveats() > 0
                ? " (" + info.unrecognisedCaveats() + " caveat(s) this tool does not know may restrict it further)" : "";
        return switch (info.scope()) {
            case ACCOUNT -> "the whole account: every project the user can upload to, including projects created later" + unknown;
            case PROJECTS -> projects(info) + unknown;
            case TRUSTED_PUBLISHER -> "the projects that trust publisher " + info.oidcPublisherId().orElse("?") + unknown;
        };
    }

    private static String projects(PyPITokenInfo info) {
        if (info.projectNames().isEmpty() && info.projectIds().isEmpty()) {
            return "no project (its project list is empty)";
        }
        StringBuilder b = new StringBuilder("only ");
        if (!info.projectNames().isEmpty()) {
            b.append(info.projectNames().size() == 1 ? "the project " : "the projects ").append(String.join(", ", info.projectNames()));
        }
        if (!info.projectIds().isEmpty()) {
            b.append(info.projectNames().isEmpty() ? "" : "; ")
                    .append(info.projectIds().size() == 1 ? "the project with id " : "the projects with ids ")
                    .append(String.join(", ", info.projectIds()));
        }
        return b.toString();
    }

    private static String expiry(PyPITokenInfo info, Instant now) {
        if (info.expiresAt().isEmpty()) {
            return "never expires";
        }
        Instant at = info.expiresAt().get();
        if (info.isExpiredAt(now)) {
            return "expired " + WHEN.format(at) + "; it can no longer be used";
        }
        return "expires " + WHEN.format(at) + " (in " + inWords(Duration.between(now, at)) + ")";
    }

    private static String canDo(PyPITokenInfo info, String index) {
        String what = info.scope() == Scope.ACCOUNT ? "every project of the account, and projects created with it"
                : info.scope() == Scope.TRUSTED_PUBLISHER ? "the projects of that trusted publisher"
                : "those projects";
        return "upload new releases and files to " + what + " on " + index
                + "; API tokens cannot sign in, change settings, manage collaborators or delete anything";
    }

    private static String revoke(PyPITokenInfo info, String index) {
        if (info.scope() == Scope.TRUSTED_PUBLISHER) {
            return "it cannot be revoked but expires on its own (trusted-publishing tokens live 15 minutes); to stop"
                    + " new ones, remove the trusted publisher under the project's Settings, Publishing on " + index;
        }
        return "open " + info.index().tokensPage() + " (API tokens), find the token by name or scope and choose"
                + " Remove; then remove it from every CI secret, ~/.pypirc and keychain that holds it";
    }

    private static String inWords(Duration d) {
        long hours = d.toHours();
        if (hours < 48) {
            return Math.max(hours, 0) + (hours == 1 ? " hour" : " hours");
        }
        long days = d.toDays();
        return days + " days";
    }
}
