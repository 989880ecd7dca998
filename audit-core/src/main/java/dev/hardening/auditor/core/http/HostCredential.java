package dev.hardening.auditor.core.http;

import dev.hardening.auditor.core.secrets.Secret;
import java.util.Locale;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * A credential bound to the one service it belongs to: a host, a port and the path of the service's
 * base URL. The HTTP layer attaches it only to requests under that base URL, only over HTTPS
 * (loopback excepted), and never after a redirect elsewhere. The path matters when two services
 * share a host (a company proxy serving {@code /github/} and {@code /npm/}): the GitHub token must
 * not reach the npm path.
 *
 * @param name   what it is, for messages: "GITHUB_TOKEN"
 * @param host   the host it may be sent to
 * @param port   the port it may be sent to
 * @param path   the base URL's path; requests must be under it
 * @param header the header that carries it
 * @param prefix text before the secret in the header value, e.g. {@code "Bearer "}
 * @param secret the credential itself
 */
public record HostCredential(String name, String host, int port, String path, String header, String prefix,
                             Secret secret) {
    public HostCredential {
        Objects.requireNonNull(name, "name");
        host = host.toLowerCase(Locale.ROOT);
        path = path == null || path.isEmpty() ? "/" : path.endsWith("/") ? path : path + "/";
        Objects.requireNonNull(header, "header");
        prefix = prefix == null ? "" : prefix;
        Objects.requireNonNull(secret, "secret");
    }

    /** A bearer token for the host of {@code baseUrl}. */
    public static HostCredential bearer(String name, HttpUrl baseUrl, Secret secret) {
        return new HostCredential(name, baseUrl.host(), baseUrl.port(), baseUrl.encodedPath(), "Authorization", "Bearer ",
                secret);
    }

    /** A credential sent in its own header, e.g. HIBP's {@code hibp-api-key}. */
    public static HostCredential header(String name, HttpUrl baseUrl, String header, Secret secret) {
        return new HostCredential(name, baseUrl.host(), baseUrl.port(), baseUrl.encodedPath(), header, "", secret);
    }

    public boolean appliesTo(HttpUrl url) {
        if (!url.host().equalsIgnoreCase(host) || url.port() != port) {
            return false;
        }
        String p = url.encodedPath();
        return path.equals("/") || p.startsWith(path) || (p + "/").equals(path);
    }

    @Override
    public String toString() {
        return "HostCredential[" + name + " for " + host + ":" + port + path + "]";
    }
}
