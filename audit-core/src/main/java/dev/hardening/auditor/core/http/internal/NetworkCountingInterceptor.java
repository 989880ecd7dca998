package dev.hardening.auditor.core.http.internal;

import dev.hardening.auditor.core.http.RequestStats;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;

/** Counts requests that reach the network, and 304 answers to conditional requests, per host. */
public final class NetworkCountingInterceptor implements Interceptor {
    @Override
    public Response intercept(Chain chain) throws IOException {
        RequestStats stats = chain.request().tag(RequestStats.class);
        String host = chain.request().url().host();
        if (stats != null) {
            stats.networkRequest(host);
        }
        Response response = chain.proceed(chain.request());
        if (stats != null && response.code() == 304) {
            stats.notModified(host);
        }
        return response;
    }
}
