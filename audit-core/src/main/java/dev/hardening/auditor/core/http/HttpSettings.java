package dev.hardening.auditor.core.http;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How the HTTP layer behaves. The defaults suit an interactive audit; tests shorten the waits.
 *
 * @param userAgent            sent with every request (HIBP refuses requests without one)
 * @param maxResponseBytes     a larger response body is refused
 * @param cacheDir             on-disk HTTP cache (conditional requests with ETag / Last-Modified); empty for none
 * @param cacheMaxBytes        size bound of the cache
 * @param maxRateLimitWait     the longest a request waits for a rate limit to reset before giving up
 * @param maxRetries           retries after a 5xx or an I/O error (GET only)
 * @param retryBaseDelay       first backoff delay; doubled on each retry, with jitter
 * @param connectTimeout       TCP/TLS connect time-out
 * @param readTimeout          time-out between bytes
 * @param callTimeout          bound on one call, retries and waits included
 * @param maxConcurrentPerHost requests in flight to one host at once
 */
public record HttpSettings(
        String userAgent,
        long maxResponseBytes,
        Optional<Path> cacheDir,
        long cacheMaxBytes,
        Duration maxRateLimitWait,
        int maxRetries,
        Duration retryBaseDelay,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        int maxConcurrentPerHost) {

    public HttpSettings {
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(maxRateLimitWait, "maxRateLimitWait");
        Objects.requireNonNull(retryBaseDelay, "retryBaseDelay");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(callTimeout, "callTimeout");
        if (maxResponseBytes <= 0 || maxConcurrentPerHost <= 0 || maxRetries < 0) {
            throw new IllegalArgumentException("invalid HTTP settings");
        }
    }

    public static HttpSettings defaults() {
        return new HttpSettings(
                "maintainer-hardening-auditor/0.1 (+https://github.com/maintainer-hardening-auditor)",
                20L * 1024 * 1024,
                Optional.empty(),
                50L * 1024 * 1024,
                Duration.ofSeconds(60),
                2,
                Duration.ofMillis(500),
                Duration.ofSeconds(10),
                Duration.ofSeconds(30),
                Duration.ofSeconds(180),
                8);
    }

    public HttpSettings withCacheDir(Path dir) {
        return new HttpSettings(userAgent, maxResponseBytes, Optional.ofNullable(dir), cacheMaxBytes, maxRateLimitWait,
                maxRetries, retryBaseDelay, connectTimeout, readTimeout, callTimeout, maxConcurrentPerHost);
    }

    public HttpSettings withMaxResponseBytes(long bytes) {
        return new HttpSettings(userAgent, bytes, cacheDir, cacheMaxBytes, maxRateLimitWait,
                maxRetries, retryBaseDelay, connectTimeout, readTimeout, callTimeout, maxConcurrentPerHost);
    }

    public HttpSettings withWaits(Duration rateLimitWait, Duration retryDelay, Duration readTimeout, Duration callTimeout) {
        return new HttpSettings(userAgent, maxResponseBytes, cacheDir, cacheMaxBytes, rateLimitWait,
                maxRetries, retryDelay, connectTimeout, readTimeout, callTimeout, maxConcurrentPerHost);
    }

    public HttpSettings withMaxRetries(int retries) {
        return new HttpSettings(userAgent, maxResponseBytes, cacheDir, cacheMaxBytes, maxRateLimitWait,
                retries, retryBaseDelay, connectTimeout, readTimeout, callTimeout, maxConcurrentPerHost);
    }

    public HttpSettings withMaxConcurrentPerHost(int n) {
        return new HttpSettings(userAgent, maxResponseBytes, cacheDir, cacheMaxBytes, maxRateLimitWait,
                maxRetries, retryBaseDelay, connectTimeout, readTimeout, callTimeout, n);
    }
}
