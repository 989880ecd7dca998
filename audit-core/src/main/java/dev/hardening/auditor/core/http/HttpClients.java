package dev.hardening.auditor.core.http;

import dev.hardening.auditor.core.http.internal.CredentialInterceptor;
import dev.hardening.auditor.core.http.internal.NetworkCountingInterceptor;
import dev.hardening.auditor.core.http.internal.RateLimitInterceptor;
import dev.hardening.auditor.core.http.internal.RedactingLoggingInterceptor;
import dev.hardening.auditor.core.http.internal.ResponseSizeLimitInterceptor;
import dev.hardening.auditor.core.http.internal.RetryInterceptor;
import dev.hardening.auditor.core.http.internal.SameOriginRedirects;
import dev.hardening.auditor.core.http.internal.Sleeper;
import dev.hardening.auditor.core.http.internal.UserAgentInterceptor;
import dev.hardening.auditor.core.secrets.Masking;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import okhttp3.Cache;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * Builds the OkHttp clients. One root client owns the connection pool and dispatcher for the whole
 * process; each audit derives its own with {@link OkHttpClient#newBuilder()} (sharing those) to add
 * its credentials and cache. Interceptors, outermost first:
 *
 * <ol>
 *   <li>application: user agent, redacting log, plain-HTTP credential guard, rate limits, retries,
 *       response size cap;</li>
 *   <li>the HTTP cache (conditional requests with ETag / Last-Modified);</li>
 *   <li>network: redirects followed within the host only, per-host counting, credentials scoped to
 *       their own host.</li>
 * </ol>
 */
public final class HttpClients {
    private static final OkHttpClient ROOT = new OkHttpClient.Builder()
            .connectionPool(new ConnectionPool())
            .dispatcher(new Dispatcher())
            .build();
    private static final Map<Path, Cache> CACHES = new ConcurrentHashMap<>();

    private HttpClients() {
    }

    /** A client for one audit with these credentials. */
    public static OkHttpClient forAudit(HttpSettings settings, List<HostCredential> credentials) {
        return forAudit(settings, credentials, Sleeper.REAL, Clock.systemUTC(), List.of());
    }

    /**
     * @param sleeper    how waits are done (tests pass one that does not sleep)
     * @param transports extra innermost application interceptors; the demo world answers requests here
     */
    public static OkHttpClient forAudit(HttpSettings settings, List<HostCredential> credentials, Sleeper sleeper,
                                        Clock clock, List<Interceptor> transports) {
        OkHttpClient.Builder b = ROOT.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(true)
                // An https -> http redirect is refused, not followed.
                .followSslRedirects(false)
                // Servers close idle keep-alive connections; OkHttp retries such stale connections itself.
                .retryOnConnectionFailure(true)
                .addInterceptor(new UserAgentInterceptor(settings.userAgent()))
                .addInterceptor(new RedactingLoggingInterceptor())
                // Refuses a credential over plain HTTP before any connection is opened (the
                // network interceptor checks again on every redirect hop).
                .addInterceptor(chain -> {
                    CredentialInterceptor.checkTransport(credentials, chain.request().url());
                    return chain.proceed(chain.request());
                })
                .addInterceptor(new RateLimitInterceptor(settings.maxRateLimitWait(), sleeper, clock))
                .addInterceptor(new RetryInterceptor(settings.maxRetries(), settings.retryBaseDelay(), sleeper))
                .addInterceptor(new ResponseSizeLimitInterceptor(settings.maxResponseBytes()));
        transports.forEach(b::addInterceptor);
        b.addNetworkInterceptor(new SameOriginRedirects())
                .addNetworkInterceptor(new NetworkCountingInterceptor())
                .addNetworkInterceptor(new CredentialInterceptor(credentials));
        cacheFor(settings, credentials).ifPresent(b::cache);
        return b.build();
    }

    /**
     * The cache lives in a directory per set of credentials, so that a response fetched with one
     * token is never served to an audit with another (the credential itself is not written down,
     * only a fingerprint of the set names the directory).
     */
    private static Optional<Cache> cacheFor(HttpSettings settings, List<HostCredential> credentials) {
        if (settings.cacheDir().isEmpty()) {
            return Optional.empty();
        }
        String identity = credentials.stream()
                .sorted(Comparator.comparing(HostCredential::host).thenComparing(HostCredential::name))
                .map(c -> c.name() + "@" + c.host() + ":" + c.port() + "=" + c.secret().reveal())
                .reduce("anonymous", (a, c) -> a + "\n" + c);
        Path dir = settings.cacheDir().get().resolve(Masking.fingerprint(identity).replace("sha256:", ""));
        return Optional.of(CACHES.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> {
            createPrivateDirectory(d);
            return new Cache(d.toFile(), settings.cacheMaxBytes());
        }));
    }

    private static void createPrivateDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException notPosix) {
                // Windows: the directory sits in the user's own profile.
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot create the HTTP cache directory " + dir + ": " + e.getMessage(), e);
        }
    }
}
