package dev.hardening.auditor.core.http.internal;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Sets the User-Agent on every request that has none. */
public final class UserAgentInterceptor implements Interceptor {
    private final String userAgent;

    public UserAgentInterceptor(String userAgent) {
        this.userAgent = userAgent;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        var request = chain.request();
        if (request.header("User-Agent") != null) {
            return chain.proceed(request);
        }
        return chain.proceed(request.newBuilder().header("User-Agent", userAgent).build());
    }
}
