package dev.hardening.auditor.core.http;

import dev.hardening.auditor.core.secrets.Secret;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * A credential bound to the one host (and port) it belongs to. The HTTP layer attaches it only to
 * requests for that host, only over HTTPS (loopback excepted), and never after a redirect to
 * another host.
 *
 * @param name   what it is, for messages: "GITHUB_TOKEN"
 * @param host   the host it may be sent to
 * @param port   the port it may be sent to
 * @param header the header that carries it
 * @param prefix text before the secret in the header value, e.g. {@code "Bearer "}
 * @param secret the credential itself
 */
public record HostCredential(String name, String host, int port, String header, String prefix, Secret secret) {
    public HostCredential {
        Objects.requireNonNull(name, "name");
        host = host.toLowerCase(Locale.ROOT);
        Objects.requireNonNull(header, "header");
        prefix = prefix == null ? "" : prefix;
        Objects.requireNonNull(secret, "secret");
    }

    /** A bearer token for the host of {@code baseUrl}. */
    public static HostCredential bearer(String name, HttpUrl baseUrl, Secret secret) {
        return new HostCredential(name, baseUrl.host(), baseUrl.port(), "Authorization", "Bearer ", secret);
    }

    /** A credential sent in its own header, e.g. HIBP's {@code hibp-api-key}. */
    public static HostCredential header(String name, HttpUrl baseUrl, String header, Secret secret) {
        return new HostCredential(name, baseUrl.host(), baseUrl.port(), header, "", secret);
    }

    public boolean appliesTo(HttpUrl url) {
        return url.host().equalsIgnoreCase(host) && url.port() == port;
    }

    @Override
    public String toString() {
        return "HostCredential[" + name + " for " + host + ":" + port + "]";
    }
}
