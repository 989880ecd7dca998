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
import java.util.OptionalLong;
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
    private static final Duration RESET_MARGIN = Duration.ofSeconds(1);

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
            if (waits >= MAX_WAITS || l.delay().compareTo(maxWait) > 0) {
                throw new RateLimitedException(host, Optional.of(l.resetAt()), l.delay(), l.secondary(), l.perWindow());
            }
            if (stats != null) {
                stats.retry(host);
            }
            sleeper.sleep(l.delay(), chain.call()::isCanceled);
            if (chain.call().isCanceled()) {
                throw new IOException("Canceled");
            }
        }
    }

    /**
     * One rate-limited answer.
     *
     * @param delay     how long to wait before the next attempt (never negative)
     * @param resetAt   when the server said the limit resets
     * @param secondary GitHub's secondary limit (or a registry's 429) rather than the hourly quota
     * @param perWindow {@code X-RateLimit-Limit}, when sent
     */
    private record Limit(Duration delay, Instant resetAt, boolean secondary, OptionalLong perWindow) {
    }

    private Optional<Limit> limitOf(Response response) throws IOException {
        int code = response.code();
        if (code != 403 && code != 429) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        OptionalLong perWindow = parseLong(response.header("X-RateLimit-Limit"));
        Optional<Instant> retryAfter = parseRetryAfter(response.header("Retry-After"), now);
        String remaining = response.header("X-RateLimit-Remaining");
        if ("0".equals(remaining) && retryAfter.isEmpty()) {
            Optional<Instant> reset = parseLong(response.header("X-RateLimit-Reset")).stream()
                    .mapToObj(Instant::ofEpochSecond).findFirst();
            if (reset.isPresent()) {
                // One second more than announced, against clock skew between us and the server.
                return Optional.of(limit(now, reset.get(), RESET_MARGIN, false, perWindow));
            }
            return Optional.of(limit(now, now.plus(SECONDARY_DEFAULT_WAIT), Duration.ZERO, false, perWindow));
        }
        if (retryAfter.isPresent()) {
            return Optional.of(limit(now, retryAfter.get(), Duration.ZERO, code == 403 || !"0".equals(remaining), perWindow));
        }
        if (code == 429) {
            return Optional.of(limit(now, now.plus(SECONDARY_DEFAULT_WAIT), Duration.ZERO, true, perWindow));
        }
        // A 403 is a rate limit only if GitHub says so; otherwise it is a permission problem.
        String body = response.peekBody(16 * 1024).string().toLowerCase(Locale.ROOT);
        if (body.contains("secondary rate limit") || body.contains("abuse detection")) {
            return Optional.of(limit(now, now.plus(SECONDARY_DEFAULT_WAIT), Duration.ZERO, true, perWindow));
        }
        if (body.contains("rate limit exceeded")) {
            return Optional.of(limit(now, now.plus(SECONDARY_DEFAULT_WAIT), Duration.ZERO, false, perWindow));
        }
        return Optional.empty();
    }

    private static Limit limit(Instant now, Instant resetAt, Duration margin, boolean secondary, OptionalLong perWindow) {
        Duration wait = Duration.between(now, resetAt).plus(margin);
        return new Limit(wait.isNegative() ? Duration.ZERO : wait, resetAt, secondary, perWindow);
    }

    private static Optional<Instant> parseRetryAfter(String value, Instant now) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        String v = value.trim();
        try {
            return Optional.of(now.plusSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException notSeconds) {
            try {
                return Optional.of(ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            } catch (DateTimeParseException notADate) {
                return Optional.empty();
            }
        }
    }

    private static OptionalLong parseLong(String value) {
        if (value == null || value.isBlank()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
