package dev.hardening.auditor.core.report;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides whether a URL from a finding may become a link. Only absolute http(s) URLs without spaces,
 * quotes or angle brackets qualify; anything else (a {@code javascript:} URL, a relative path) is
 * shown as text, never as a link.
 */
final class SafeUrl {
    private SafeUrl() {
    }

    static Optional<String> http(String url) {
        if (url == null || url.isEmpty()) {
            return Optional.empty();
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= ' ' || c == 0x7f || c == '<' || c == '>' || c == '"' || c == '\'' || c == '`'
                    || c == '\\' || Character.isWhitespace(c)) {
                return Optional.empty();
            }
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null) {
                return Optional.of(url);
            }
        } catch (URISyntaxException e) {
            // Not a URL we can vouch for: shown as text.
        }
        return Optional.empty();
    }
}
