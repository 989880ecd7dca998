package dev.hardening.auditor.core.http.internal;

import dev.hardening.auditor.core.http.LoopbackHosts;
import dev.hardening.auditor.core.http.HostCredential;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Attaches each credential to requests for its own host only. It is a <em>network</em>
 * interceptor, so it sees every hop: after a redirect to another host the credential is simply not
 * attached. Credential headers that a caller set by hand are stripped, so nothing reaches a host
 * it does not belong to: the headers of the configured credentials, and {@code Authorization},
 * {@code Cookie} and {@code hibp-api-key} always (only this interceptor may set them).
 *
 * <p>It also removes credential headers from a response's {@code Vary}: the HTTP cache sits before
 * this interceptor and would otherwise never match (and would write the credential to disk as a
 * vary value). Cache entries are instead separated per credential set by directory (see
 * {@code HttpClients}).
 */
public final class CredentialInterceptor implements Interceptor {
    private static final Set<String> ALWAYS_STRIPPED = Set.of("authorization", "cookie", "hibp-api-key");
    private final List<HostCredential> credentials;
    /** Lower-case names of every header that carries a credential. */
    private final Set<String> credentialHeaders = new TreeSet<>();

    public CredentialInterceptor(List<HostCredential> credentials) {
        this.credentials = List.copyOf(credentials);
        credentialHeaders.addAll(ALWAYS_STRIPPED);
        this.credentials.forEach(c -> credentialHeaders.add(c.header().toLowerCase(Locale.ROOT)));
    }

    /**
     * Refuses a request that would carry a credential over plain HTTP to a host that is not
     * loopback. Also checked by an application interceptor, so that such a request does not even
     * open a connection; the check here covers every redirect hop.
     */
    public static void checkTransport(List<HostCredential> credentials, HttpUrl url) throws InsecureTransportException {
        if (url.isHttps() || LoopbackHosts.isLoopback(url.host())) {
            return;
        }
        for (HostCredential c : credentials) {
            if (c.appliesTo(url)) {
                throw new InsecureTransportException(c.name(), url.host());
            }
        }
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        HttpUrl url = request.url();
        Request.Builder builder = request.newBuilder();
        for (String name : credentialHeaders) {
            builder.removeHeader(name);
        }
        checkTransport(credentials, url);
        for (HostCredential c : credentials) {
            if (c.appliesTo(url)) {
                builder.header(c.header(), c.prefix() + c.secret().reveal());
            }
        }
        Response response = chain.proceed(builder.build());
        return withoutCredentialVary(response);
    }

    private Response withoutCredentialVary(Response response) {
        List<String> vary = response.headers("Vary");
        if (vary.isEmpty()) {
            return response;
        }
        List<String> kept = new ArrayList<>();
        for (String line : vary) {
            for (String field : line.split(",")) {
                String f = field.trim();
                boolean credential = credentialHeaders.contains(f.toLowerCase(Locale.ROOT));
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
}
