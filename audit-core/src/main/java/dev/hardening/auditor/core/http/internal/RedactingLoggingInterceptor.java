package dev.hardening.auditor.core.http.internal;

import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.util.Locale;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Logs each call (method, URL, status, time, cache use) at DEBUG, and its headers at TRACE, with
 * credentials removed: sensitive headers and query parameters are replaced by {@code ██}. OkHttp's
 * logging-interceptor redacts headers only, not query parameters, hence this small one.
 */
public final class RedactingLoggingInterceptor implements Interceptor {
    static final String MASK = "██";
    private static final Logger LOG = System.getLogger("dev.hardening.auditor.http");
    private static final Set<String> SENSITIVE_HEADERS = Set.of("authorization", "proxy-authorization", "cookie",
            "set-cookie", "hibp-api-key", "npm-otp", "x-github-otp");
    private static final Set<String> SENSITIVE_WORDS = Set.of("token", "key", "secret", "password", "passwd",
            "auth", "signature", "code", "session");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!LOG.isLoggable(Level.DEBUG)) {
            return chain.proceed(request);
        }
        long start = System.nanoTime();
        String line = request.method() + " " + redact(request.url());
        if (LOG.isLoggable(Level.TRACE)) {
            LOG.log(Level.TRACE, "→ " + line + "\n" + headers(request.headers()));
        }
        try {
            Response response = chain.proceed(request);
            long ms = (System.nanoTime() - start) / 1_000_000;
            String cache = response.cacheResponse() != null
                    ? (response.networkResponse() == null ? ", from cache" : ", revalidated")
                    : "";
            LOG.log(Level.DEBUG, line + " → " + response.code() + " (" + ms + " ms" + cache + ")");
            if (LOG.isLoggable(Level.TRACE)) {
                LOG.log(Level.TRACE, "← " + line + "\n" + headers(response.headers()));
            }
            return response;
        } catch (IOException e) {
            LOG.log(Level.DEBUG, line + " failed: " + e.getClass().getSimpleName());
            throw e;
        }
    }

    /** The URL with the values of credential-like query parameters and any user info masked. */
    public static String redact(HttpUrl url) {
        HttpUrl.Builder b = url.newBuilder().username("").password("");
        for (String name : url.queryParameterNames()) {
            if (isSensitive(name)) {
                b.setQueryParameter(name, MASK);
            }
        }
        return b.build().toString();
    }

    private static String headers(okhttp3.Headers headers) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.name(i);
            String value = SENSITIVE_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || isSensitive(name)
                    ? MASK : headers.value(i);
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
        return SENSITIVE_WORDS.stream().anyMatch(n::contains);
    }
}
