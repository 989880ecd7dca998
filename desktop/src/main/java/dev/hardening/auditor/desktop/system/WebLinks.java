package dev.hardening.auditor.desktop.system;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Which links the app opens: http and https with a host, nothing else. Links come from reports and
 * metadata, and a {@code file:} or custom-scheme URL must not start a program.
 */
public final class WebLinks {
    private WebLinks() {
    }

    public static boolean isWebLink(String url) {
        if (url == null || url.isBlank()) {
            return false;
        }
        try {
            URI uri = new URI(url.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
