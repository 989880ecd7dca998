package dev.hardening.auditor.core.http.internal;

import dev.hardening.auditor.core.http.RequestStats;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Waits out rate limits when the wait is short, and gives up with {@link RateLimitedException}
 * when it is not. Understands GitHub's primary limit ({@code X-RateLimit-Remaining: 0} with
 * {@code X-RateLimit-Reset}, status 403 or 429), GitHub's secondary limit (403/429 with
 * {@code Retry-After}, or the "secondary rate limit" message without it: wait at least a minute),
 * and the registries' 429 with {@code Retry-After} (seconds or an HTTP date).
 */
public final class RateLimitInterceptor implements Interceptor {
    private static final int MAX_WAITS = 2;
    private static final Duration SECONDARY_DEFAULT_WAIT = Duration.ofSeconds(60);

    private final Duration maxWait;
    private final Sleeper sleeper;
    private final Clock clock;

    public RateLimitInterceptor(Duration maxWait, Sleeper sleeper, Clock clock) {
        this.maxWait = maxWait;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        Request request = chain.request();
        RequestStats stats = request.tag(RequestStats.class);
        String host = request.url().host();
        for (int waits = 0; ; waits++) {
            Response response = chain.proceed(request);
            Optional<Limit> limit = limitOf(response);
            if (limit.isEmpty()) {
                return response;
            }
            response.close();
            Limit l = limit.get();
            Duration wait = l.waitFrom(clock.instant());
            if (waits >= MAX_WAITS || wait.compareTo(maxWait) > 0) {
                throw new RateLimitedException(host, Optional.of(clock.instant().plus(wait)), l.secondary());
            }
            if (stats != null) {
                stats.retry(host);
            }
            sleeper.sleep(wait);
        }
    }

    private record Limit(Duration delay, boolean secondary) {
        Duration waitFrom(Instant now) {
            return delay.isNegative() ? Duration.ZERO : delay;
        }
    }

    private Optional<Limit> limitOf(Response response) throws IOException {
        int code = response.code();
        if (code != 403 && code != 429) {
            return Optional.empty();
        }
        Optional<Duration> retryAfter = parseRetryAfter(response.header("Retry-After"));
        String remaining = response.header("X-RateLimit-Remaining");
        if ("0".equals(remaining) && retryAfter.isEmpty()) {
            Duration untilReset = parseReset(response.header("X-RateLimit-Reset"))
                    .map(reset -> Duration.between(clock.instant(), reset).plusSeconds(1))
                    .orElse(SECONDARY_DEFAULT_WAIT);
            return Optional.of(new Limit(untilReset, false));
        }
        if (retryAfter.isPresent()) {
            return Optional.of(new Limit(retryAfter.get(), code == 403 || !"0".equals(remaining)));
        }
        if (code == 429) {
            return Optional.of(new Limit(SECONDARY_DEFAULT_WAIT, true));
        }
        // A 403 is a rate limit only if GitHub says so; otherwise it is a permission problem.
        String body = response.peekBody(16 * 1024).string().toLowerCase(Locale.ROOT);
        if (body.contains("secondary rate limit") || body.contains("abuse detection")) {
            return Optional.of(new Limit(SECONDARY_DEFAULT_WAIT, true));
        }
        if (body.contains("rate limit exceeded")) {
            return Optional.of(new Limit(SECONDARY_DEFAULT_WAIT, false));
        }
        return Optional.empty();
    }

    private Optional<Duration> parseRetryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return Optional.of(Duration.between(clock.instant(), at));
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static Optional<Instant> parseReset(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Instant.ofEpochSecond(Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
