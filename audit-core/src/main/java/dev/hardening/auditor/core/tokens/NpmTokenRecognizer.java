package dev.hardening.auditor.core.tokens;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * npm access tokens (github.blog 2021-09-23): {@code npm_}, 30 random characters and the same CRC32
 * base62 checksum as GitHub's. The older UUID tokens have no prefix and are recognised only where
 * npm keeps them ({@code .npmrc}), not here.
 */
final class NpmTokenRecognizer implements TokenRecognizer {
    private static final Pattern SHAPE = Pattern.compile("npm_[A-Za-z0-9]{36}");

    @Override
    public Optional<TokenInspection> inspect(CharSequence token) {
        String t = token.toString();
        if (!t.startsWith("npm_")) {
            return Optional.empty();
        }
        CredentialKind kind = CredentialKind.NPM_TOKEN;
        if (!SHAPE.matcher(t).matches()) {
            FormatValidity v = Placeholders.isPlaceholder(t.substring(4)) ? FormatValidity.EXAMPLE : FormatValidity.MALFORMED;
            return Optional.of(TokenInspection.of(kind, v, List.of("expected npm_ and 36 letters or digits"), t));
        }
        if (!TokenChecksum.isValid(t, "npm_")) {
            return Optional.of(TokenInspection.of(kind, FormatValidity.CHECKSUM_INVALID,
                    List.of("the last 6 characters are not the CRC32 of the 30 before them"), t));
        }
        String body = t.substring(4, 4 + TokenChecksum.BODY_LENGTH);
        FormatValidity v = Placeholders.isObviousStandIn(body) ? FormatValidity.EXAMPLE : FormatValidity.CHECKSUM_VALID;
        return Optional.of(TokenInspection.of(kind, v, List.of(), t));
    }
}
