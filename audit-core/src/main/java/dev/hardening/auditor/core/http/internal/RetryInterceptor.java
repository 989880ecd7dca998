package dev.hardening.auditor.core.http.internal;

import dev.hardening.auditor.core.http.RequestStats;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Retries idempotent requests after a 5xx or an I/O error, with exponential backoff and
 * jitter (half to all of the doubled delay). Cancellation, time-outs of the whole call, rate limits and oversize bodies are not
 * retried.
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
            } catch (RateLimitedException | ResponseTooLargeException | InsecureTransportException e) {
                throw e;
            } catch (java.net.SocketTimeoutException e) {
                // A slow server is worth another try, unless the whole call was cancelled or timed out.
                if (attempt >= maxRetries || chain.call().isCanceled() || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                backoff(++attempt, stats, request);
                continue;
            } catch (InterruptedIOException e) {
                throw e; // cancelled, interrupted, or the call's own time limit
            } catch (IOException e) {
                if (attempt >= maxRetries || chain.call().isCanceled()) {
                    throw e;
                }
                backoff(++attempt, stats, request);
                continue;
            }
            if (!RETRYABLE.contains(response.code()) || attempt >= maxRetries) {
                return response;
            }
            response.close();
            backoff(++attempt, stats, request);
        }
    }

    private void backoff(int attempt, RequestStats stats, Request request) throws InterruptedIOException {
        if (stats != null) {
            stats.retry(request.url().host());
        }
        long cap = baseDelay.toMillis() * (1L << Math.min(attempt - 1, 10));
        long jittered = cap <= 0 ? 0 : ThreadLocalRandom.current().nextLong(cap / 2, cap + 1);
        sleeper.sleep(Duration.ofMillis(jittered));
    }
}
