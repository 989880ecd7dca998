package dev.hardening.auditor.core.http.internal;

import dev.hardening.auditor.core.http.RequestStats;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLPeerUnverifiedException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries idempotent requests after a 5xx or an I/O error, with exponential backoff and jitter
 * (half to all of the doubled delay). Not retried: cancellation, the time limit of the whole call,
 * rate limits, oversize bodies, a credential refused over plain HTTP, and failures that another
 * attempt would only repeat: a host name that does not resolve, a certificate that is not trusted.
 */
public final class RetryInterceptor implements Interceptor {
    private static final Set<Integer> RETRYABLE = Set.of(500, 502, 503, 504);
    private static final Set<String> IDEMPOTENT = Set.of("GET", "HEAD");

    private final int maxRetries;
    private final Duration baseDelay;
    private final Sleeper sleeper;

    public RetryInterceptor(int maxRetries, Duration baseDelay, Sleeper sleeper) {
        this.maxRetries = maxRetries;
        this.baseDelay = baseDelay;
        this.sleeper = sleeper;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        if (!IDEMPOTENT.contains(request.method())) {
            return chain.proceed(request);
        }
        RequestStats stats = request.tag(RequestStats.class);
        int attempt = 0;
        while (true) {
            Response response;
            try {
                response = chain.proceed(request);
            } catch (RateLimitedException | ResponseTooLargeException | InsecureTransportException
                     | UnknownHostException | SSLPeerUnverifiedException e) {
                throw e;
            } catch (SocketTimeoutException e) {
                // A slow server is worth another try, unless the whole call was cancelled or timed out.
                if (attempt >= maxRetries || chain.call().isCanceled() || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                backoff(++attempt, stats, request, chain);
                continue;
            } catch (InterruptedIOException e) {
                throw e; // cancelled, interrupted, or the call's own time limit
            } catch (IOException e) {
                if (attempt >= maxRetries || chain.call().isCanceled() || untrustedCertificate(e) || SameOriginRedirects.isRedirectLoop(e)) {
                    throw e;
                }
                backoff(++attempt, stats, request, chain);
                continue;
            }
            if (!RETRYABLE.contains(response.code()) || attempt >= maxRetries) {
                return response;
            }
            response.close();
            backoff(++attempt, stats, request, chain);
        }
    }

    private static boolean untrustedCertificate(IOException e) {
        if (!(e instanceof SSLHandshakeException)) {
            return false;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof CertificateException) {
                return true;
            }
        }
        return false;
    }

    private void backoff(int attempt, RequestStats stats, Request request, Chain chain) throws IOException {
        if (stats != null) {
            stats.retry(request.url().host());
        }
        long cap = baseDelay.toMillis() * (1L << Math.min(attempt - 1, 10));
        long jittered = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        sleeper.sleep(Duration.ofMillis(jittered), chain.call()::isCanceled);
        if (chain.call().isCanceled()) {
            throw new IOException("Canceled");
        }
    }
}
