package dev.hardening.auditor.core.tokens;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Google API keys: {@code AIza} and 35 characters. No documented checksum. */
final class GoogleApiKeyRecognizer implements TokenRecognizer {
    private static final Pattern SHAPE = Pattern.compile("AIza[0-9A-Za-z_-]{35}");

    @Override
    public Optional<TokenInspection> inspect(CharSequence token) {
        String t = token.toString();
        if (!t.startsWith("AIza")) {
            return Optional.empty();
        }
        if (Placeholders.isPlaceholder(t.substring(4))) {
            return Optional.of(TokenInspection.of(CredentialKind.GOOGLE_API_KEY, FormatValidity.EXAMPLE, List.of(), t));
        }
        FormatValidity v = SHAPE.matcher(t).matches() ? FormatValidity.WELL_FORMED : FormatValidity.MALFORMED;
        return Optional.of(TokenInspection.of(CredentialKind.GOOGLE_API_KEY, v,
                List.of("whether the key is restricted to some APIs or referrers cannot be seen offline"), t));
    }
}
