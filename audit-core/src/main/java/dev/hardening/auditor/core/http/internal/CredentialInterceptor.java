package dev.hardening.auditor.core.http.internal;

import dev.hardening.auditor.core.http.HostCredential;
import java.io.IOException;
import java.util.List;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Attaches each credential to requests for its own host only. It is a <em>network</em>
 * interceptor, so it sees every hop: after a redirect to another host the credential is simply not
 * attached. Credential headers that a caller set by hand are stripped, so nothing reaches a host
 * it does not belong to.
 *
 * <p>It also removes credential headers from a response's {@code Vary}: the HTTP cache sits before
 * this interceptor and would otherwise never match (and would write the credential to disk as a
 * vary value). Cache entries are instead separated per credential set by directory (see
 * {@code HttpClients}).
 */
public final class CredentialInterceptor implements Interceptor {
    private final List<HostCredential> credentials;

    public CredentialInterceptor(List<HostCredential> credentials) {
        this.credentials = List.copyOf(credentials);
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        Request.Builder builder = request.newBuilder();
        for (HostCredential c : credentials) {
            builder.removeHeader(c.header());
        }
        for (HostCredential c : credentials) {
            if (!c.appliesTo(url)) {
                continue;
            }
            if (!url.isHttps() && !isLoopback(url.host())) {
                throw new InsecureTransportException(c.name(), url.host());
            }
            builder.header(c.header(), c.prefix() + c.secret().reveal());
        }
        Response response = chain.proceed(builder.build());
        return withoutCredentialVary(response);
    }

    private Response withoutCredentialVary(Response response) {
        List<String> vary = response.headers("Vary");
        if (vary.isEmpty()) {
            return response;
        }
        List<String> kept = new java.util.ArrayList<>();
        for (String line : vary) {
            for (String field : line.split(",")) {
                String f = field.trim();
                boolean credential = credentials.stream().anyMatch(c -> c.header().equalsIgnoreCase(f));
                if (!f.isEmpty() && !credential) {
                    kept.add(f);
                }
            }
        }
        Response.Builder b = response.newBuilder().removeHeader("Vary");
        if (!kept.isEmpty()) {
            b.header("Vary", String.join(", ", kept));
        }
        return b.build();
    }

    static boolean isLoopback(String host) {
        return host.equals("localhost") || host.equals("127.0.0.1") || host.equals("::1")
                || host.equals("[::1]") || host.startsWith("127.");
    }
}
