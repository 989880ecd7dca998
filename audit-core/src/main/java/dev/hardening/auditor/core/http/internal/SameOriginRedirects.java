package dev.hardening.auditor.core.http.internal;

import java.io.IOException;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Follows redirects only within the host (scheme, host and port) a request was sent to. An answer
 * taken from another host would be judged as if the service had given it: a hijacked DNS entry,
 * a captive portal or a misconfigured proxy could then make a check PASS on data the service never
 * sent. The APIs the auditor reads do not redirect across hosts; a refused redirect reaches the
 * gateway as the 3xx it is, naming the other host.
 *
 * <p>A network interceptor: it sees each hop before OkHttp decides to follow it, and removing
 * {@code Location} is how a hop is not followed.
 */
public final class SameOriginRedirects implements Interceptor {
    /**
     * Whether OkHttp gave up following redirects (more than 20 hops, "Too many follow-up requests"):
     * a loop, which asking again would only run again.
     */
    public static boolean isRedirectLoop(java.io.IOException e) {
        return e instanceof java.net.ProtocolException && String.valueOf(e.getMessage()).startsWith("Too many follow-up requests");
    }

    /** Set on a refused redirect: the other host, for the message. */
    public static final String REFUSED_HEADER = "X-Auditor-Refused-Redirect";

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (!response.isRedirect()) {
            return response;
        }
        String location = response.header("Location");
        HttpUrl from = chain.request().url();
        HttpUrl to = location == null ? null : from.resolve(location);
        if (to == null || sameOrigin(from, to)) {
            return response;
        }
        return response.newBuilder().removeHeader("Location").header(REFUSED_HEADER, to.host() + ":" + to.port()).build();
    }

    private static boolean sameOrigin(HttpUrl a, HttpUrl b) {
        return a.scheme().equals(b.scheme()) && a.host().equalsIgnoreCase(b.host()) && a.port() == b.port();
    }
}
