package dev.hardening.auditor.sim.server;

import java.util.LinkedHashMap;
import java.util.Map;

/** The answers of the faults that are plain responses, in the shapes the real services send. */
final class Faults {
    private Faults() {
    }

    static SimResponse response(Fault fault, SimRequest request, SimServer world) {
        return switch (fault) {
            case STATUS_500 -> SimResponse.json(500, "{\"message\":\"Server Error\"}");
            case STATUS_502 -> new SimResponse(502, Map.of("Content-Type", "text/html"),
                    bytes("<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>\n"));
            case STATUS_503 -> new SimResponse(503, Map.of("Content-Type", "text/html", "Retry-After", "1"),
                    bytes("<html><body><h1>503 Service Unavailable</h1>No server is available to handle this request.</body></html>\n"));
            case INVALID_JSON -> SimResponse.json(200, "{\"login\": \"member-0000\", \"two_factor_authentication\": tru");
            case HTML_ERROR_200 -> new SimResponse(200, Map.of("Content-Type", "text/html; charset=utf-8"),
                    bytes("<!DOCTYPE html>\n<html><head><title>Error</title></head><body><h1>Something went wrong</h1>"
                            + "<p>The service is temporarily unavailable. Please try again later.</p></body></html>\n"));
            case STATUS_401 -> SimResponse.json(401, "{\"message\":\"Bad credentials\",\"documentation_url\":"
                    + "\"https://docs.github.com/rest\",\"status\":\"401\"}");
            case STATUS_404 -> SimResponse.json(404, "{\"message\":\"Not Found\"}");
            case RATE_LIMIT_PRIMARY -> primaryLimit(5000, java.time.Instant.now().getEpochSecond() + 3600);
            case RATE_LIMIT_SECONDARY -> secondaryLimit();
            case RATE_LIMIT_429 -> tooManyRequests(120);
            case REDIRECT_ELSEWHERE -> new SimResponse(302, Map.of("Location", world.baseUrl(Host.ELSEWHERE)
                    + request.target().replaceFirst("^/", ""), "Content-Type", "text/html"), bytes("<a>moved</a>"));
            case EMPTY_200 -> new SimResponse(200, Map.of("Content-Type", "application/json"), new byte[0]);
            case WRONG_SHAPE -> SimResponse.json(200, "{\"data\": [], \"message\": \"ok\"}");
            case REDIRECT_LOOP -> new SimResponse(302, Map.of("Location", request.target(), "Content-Type", "text/html"),
                    bytes("<a>moved</a>"));
            case GZIP_GARBAGE -> new SimResponse(200, Map.of("Content-Type", "application/json", "Content-Encoding", "gzip"),
                    bytes("{\"not\": \"gzip at all\"}"));
            case RETRY_AFTER_DATE -> new SimResponse(429, Map.of("Content-Type", "application/json", "Retry-After",
                    java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                            java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMinutes(10))),
                    bytes("{\"message\":\"Too many requests\"}"));
            case DEEP_NESTING -> new SimResponse(200, Map.of("Content-Type", "application/json"),
                    bytes("[".repeat(100_000) + "]".repeat(100_000)));
            case INVALID_UTF8 -> new SimResponse(200, Map.of("Content-Type", "application/json; charset=utf-8"),
                    invalidUtf8());
            default -> throw new IllegalArgumentException("not a plain-response fault: " + fault);
        };
    }

    /** GitHub's primary limit, as recorded (fixtures/github/error_403_primary_rate_limit_unauthenticated.http.txt). */
    static SimResponse primaryLimit(int limit, long resetEpoch) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("X-RateLimit-Limit", Integer.toString(limit));
        h.put("X-RateLimit-Remaining", "0");
        h.put("X-RateLimit-Reset", Long.toString(resetEpoch));
        h.put("X-RateLimit-Used", Integer.toString(limit));
        h.put("X-RateLimit-Resource", "core");
        return new SimResponse(403, h, bytes("{\"message\":\"API rate limit exceeded for user ID 5000000. If you reach out"
                + " to GitHub Support for help, please include the request ID.\",\"documentation_url\":"
                + "\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\",\"status\":\"403\"}"));
    }

    /** GitHub's secondary limit (fixtures/github/error_403_secondary_abuse_rate_limit.http.txt). */
    static SimResponse secondaryLimit() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json; charset=utf-8");
        h.put("Retry-After", "60");
        return new SimResponse(403, h, bytes("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few"
                + " minutes before you try again. If you reach out to GitHub Support for help, please include the request"
                + " ID.\",\"documentation_url\":\"https://docs.github.com/free-pro-team@latest/rest/overview/"
                + "rate-limits-for-the-rest-api#about-secondary-rate-limits\",\"status\":\"403\"}"));
    }

    static SimResponse tooManyRequests(int retryAfterSeconds) {
        return new SimResponse(429, Map.of("Content-Type", "application/json", "Retry-After", Integer.toString(retryAfterSeconds)),
                bytes("{\"statusCode\":429,\"message\":\"Rate limit is exceeded. Try again in " + retryAfterSeconds
                        + " seconds.\"}"));
    }

    /** {"name": "<0xC3 0x28>", ...}: a two-byte sequence whose second byte is not a continuation. */
    private static byte[] invalidUtf8() {
        byte[] head = bytes("{\"name\": \"");
        byte[] tail = bytes("\", \"versions\": {}, \"info\": {}, \"login\": \"x\"}");
        byte[] out = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, out, 0, head.length);
        out[head.length] = (byte) 0xC3;
        out[head.length + 1] = (byte) 0x28;
        System.arraycopy(tail, 0, out, head.length + 2, tail.length);
        return out;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
