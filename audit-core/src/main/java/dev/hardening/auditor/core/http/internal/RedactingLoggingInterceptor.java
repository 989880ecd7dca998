package dev.hardening.auditor.core.http.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each call (method, URL, status, time, cache use) at DEBUG, and its headers at TRACE, with
 * credentials removed: sensitive headers and query parameters are replaced by {@code ██}, user info
 * is dropped, and redirect targets are redacted like request URLs. OkHttp's logging-interceptor
 * redacts headers only, not query parameters, hence this small one.
 */
public final class RedactingLoggingInterceptor implements Interceptor {
    static final String MASK = "██";
    private static final Logger LOG = System.getLogger("dev.hardening.auditor.http");
    private static final Set<String> SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "hibp-api-key", "npm-otp", "x-github-otp");
    private static final Set<String> SENSITIVE_WORDS = Set.of("token", "key", "secret", "password", "passwd",
            "auth", "signature", "credential", "code", "session");
    /** Short names matched whole, since as substrings they would hit ordinary words. */
    private static final Set<String> SENSITIVE_NAMES = Set.of("sig", "pwd", "pass", "otp", "jwt");
    private static final Set<String> URL_HEADERS = Set.of("location", "content-location");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isLoggable(Level.DEBUG)) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        String line = request.method() + " " + redact(request.url());
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, "→ " + line + "\n" + headers(request.headers(), request.url()));
        }
        try {
            Response response = chain.proceed(request);
            long ms = (System.nanoTime() - start) / 1_000_000;
            String cache = response.cacheResponse() != null
                    ? (response.networkResponse() == null ? ", from cache" : ", revalidated")
                    : "";
            LOG.log(Level.DEBUG, line + " → " + response.code() + " (" + ms + " ms" + cache + ")");
            if (LOG.isLoggable(Level.TRACE)) {
                LOG.log(Level.TRACE, "← " + line + "\n" + headers(response.headers(), request.url()));
            }
            return response;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, line + " failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /**
     * The URL with the values of credential-like query parameters masked, its user info and
     * fragment removed, and every other part (parameter order included) as it was.
     */
    public static String redact(HttpUrl url) {
        StringBuilder sb = new StringBuilder();
        sb.append(url.scheme()).append("://").append(url.host().contains(":") ? "[" + url.host() + "]" : url.host());
        if (url.port() != HttpUrl.defaultPort(url.scheme())) {
            sb.append(':').append(url.port());
        }
        sb.append(url.encodedPath());
        String query = url.encodedQuery();
        if (query != null) {
            sb.append('?');
            String[] pairs = query.split("&", -1);
            for (int i = 0; i < pairs.length; i++) {
                int eq = pairs[i].indexOf('=');
                String name = eq < 0 ? pairs[i] : pairs[i].substring(0, eq);
                sb.append(i == 0 ? "" : "&");
                sb.append(eq >= 0 && isSensitive(decode(name)) ? name + "=" + MASK : pairs[i]);
            }
        }
        return sb.toString();
    }

    private static String decode(String encoded) {
        try {
            return URLDecoder.decode(encoded, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformed) {
            return encoded;
        }
    }

    private static String headers(okhttp3.Headers headers, HttpUrl base) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String lower = name.toLowerCase(Locale.ROOT);
            String value = headers.value(i);
            if (SENSITIVE_HEADERS.contains(lower) || isSensitive(name)) {
                value = MASK;
            } else if (URL_HEADERS.contains(lower)) {
                // A redirect target may be a pre-signed URL carrying its own credential.
                HttpUrl target = base.resolve(value);
                value = target == null ? MASK : redact(target);
            }
            sb.append("  ").append(name).append(": ").append(value).append('\n');
        }
        return sb.toString();
    }

    private static boolean isSensitive(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.startsWith("x-ratelimit") || n.equals("github-authentication-token-expiration")
                || n.equals("x-oauth-scopes") || n.equals("x-accepted-oauth-scopes")) {
            return false;
        }
        return SENSITIVE_NAMES.contains(n) || SENSITIVE_WORDS.stream().anyMatch(n::contains);
    }
}
