package dev.hardening.auditor.core.tokens;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * GitHub tokens (github.blog 2021-04-05): {@code ghp_} classic PAT, {@code gho_} OAuth,
 * {@code ghu_} user-to-server, {@code ghs_} installation, {@code ghr_} refresh — each the prefix,
 * 30 random characters and a 6-character CRC32 checksum, validated here; the newer installation
 * format {@code ghs_<id>_<JWT>}; and {@code github_pat_} fine-grained tokens (22 + {@code _} + 59
 * characters), whose checksum scheme is not public, so only their shape is checked.
 */
final class GitHubTokenRecognizer implements TokenRecognizer {
    private static final Pattern CHECKSUMMED = Pattern.compile("gh[pousr]_[A-Za-z0-9]{36}");
    private static final Pattern INSTALLATION_JWT = Pattern.compile("ghs_[0-9]{1,20}_[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
    private static final Pattern FINE_GRAINED = Pattern.compile("github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}");

    @Override
    public Optional<TokenInspection> inspect(CharSequence token) {
        String t = token.toString();
        if (t.startsWith("github_pat_")) {
            if (Placeholders.isPlaceholder(t.substring(11))) {
                return Optional.of(TokenInspection.of(CredentialKind.GITHUB_FINE_GRAINED_PAT, FormatValidity.EXAMPLE, List.of(), t));
            }
            FormatValidity v = FINE_GRAINED.matcher(t).matches() ? FormatValidity.WELL_FORMED : FormatValidity.MALFORMED;
            return Optional.of(TokenInspection.of(CredentialKind.GITHUB_FINE_GRAINED_PAT, v,
                    List.of("GitHub publishes no checksum for fine-grained tokens; only the shape was checked"), t));
        }
        if (t.length() < 4 || !t.startsWith("gh") || t.charAt(3) != '_') {
            return Optional.empty();
        }
        CredentialKind kind = switch (t.charAt(2)) {
            case 'p' -> CredentialKind.GITHUB_CLASSIC_PAT;
            case 'o' -> CredentialKind.GITHUB_OAUTH;
            case 'u' -> CredentialKind.GITHUB_USER_TO_SERVER;
            case 's' -> CredentialKind.GITHUB_INSTALLATION;
            case 'r' -> CredentialKind.GITHUB_REFRESH;
            default -> null;
        };
        if (kind == null) {
            return Optional.empty();
        }
        if (kind == CredentialKind.GITHUB_INSTALLATION && INSTALLATION_JWT.matcher(t).matches()) {
            return Optional.of(TokenInspection.of(kind, FormatValidity.WELL_FORMED,
                    List.of("new installation-token format (app id and a signed JWT); it has no CRC32 checksum"), t));
        }
        if (!CHECKSUMMED.matcher(t).matches()) {
            FormatValidity v = Placeholders.isPlaceholder(t.substring(4)) ? FormatValidity.EXAMPLE : FormatValidity.MALFORMED;
            return Optional.of(TokenInspection.of(kind, v, List.of("expected " + t.substring(0, 4) + " and 36 letters or digits"), t));
        }
        if (!TokenChecksum.isValid(t, t.substring(0, 4))) {
            return Optional.of(TokenInspection.of(kind, FormatValidity.CHECKSUM_INVALID,
                    List.of("the last 6 characters are not the CRC32 of the 30 before them"), t));
        }
        String body = t.substring(4, 4 + TokenChecksum.BODY_LENGTH);
        FormatValidity v = Placeholders.isObviousStandIn(body) ? FormatValidity.EXAMPLE : FormatValidity.CHECKSUM_VALID;
        return Optional.of(TokenInspection.of(kind, v, List.of(), t));
    }
}
