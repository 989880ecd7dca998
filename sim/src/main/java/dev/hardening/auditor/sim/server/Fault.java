package dev.hardening.auditor.sim.server;

/**
 * What can go wrong with one answer. The server applies it instead of (or while) answering.
 */
public enum Fault {
    STATUS_500("HTTP 500"),
    STATUS_502("HTTP 502"),
    STATUS_503("HTTP 503"),
    /** Accepts the request and never answers (until the client gives up or the server stops). */
    TIMEOUT("time-out"),
    /** Resets the connection (TCP RST) before answering. */
    CONNECTION_RESET("connection reset"),
    /** Declares the whole body's length and sends half of it, then closes. */
    TRUNCATED_BODY("truncated body"),
    /** 200 with a body that is not JSON. */
    INVALID_JSON("invalid JSON"),
    /** 200 with an HTML error page, as proxies and captive portals send. */
    HTML_ERROR_200("HTML error page with 200"),
    STATUS_401("HTTP 401"),
    /** GitHub's primary limit: 403, {@code X-RateLimit-Remaining: 0}, a reset an hour away. */
    RATE_LIMIT_PRIMARY("403 primary rate limit"),
    /** GitHub's secondary limit: 403 with {@code Retry-After: 60} and its message. */
    RATE_LIMIT_SECONDARY("403 secondary rate limit"),
    /** 429 with {@code Retry-After: 120}. */
    RATE_LIMIT_429("HTTP 429"),
    /** 302 to the same path on another host. */
    REDIRECT_ELSEWHERE("redirect to another host"),
    /** A 100 MB body that declares its length. */
    BODY_100MB("100 MB body"),
    /** A 100 MB body without a declared length (chunked). */
    BODY_100MB_UNDECLARED("100 MB body, length not declared"),
    /** 200 with an empty body. */
    EMPTY_200("empty 200"),
    /** 200 with JSON of another shape: an object where a list belongs, fields missing. */
    WRONG_SHAPE("JSON of the wrong shape"),
    /** 200 that closes the connection after the headers, before any byte of the body. */
    DISCONNECT_AFTER_HEADERS("disconnect after the headers"),
    /** 200 whose body (the real one, declared in full) drips a byte every 300 ms: each read is in time, the whole never is. */
    SLOW_BODY("body dripped a byte at a time"),
    /** 302 to the very same URL, for ever: a redirect loop on the service's own host. */
    REDIRECT_LOOP("redirect loop on the same host"),
    /** 200 that says {@code Content-Encoding: gzip} over a body that is not gzip. */
    GZIP_GARBAGE("gzip declared, body not gzip"),
    /** 429 whose {@code Retry-After} is an HTTP date ten minutes ahead, not a number of seconds. */
    RETRY_AFTER_DATE("429 with Retry-After as a date"),
    /** 200 with JSON nested 100,000 deep (a parser that recurses would overflow its stack). */
    DEEP_NESTING("JSON nested 100,000 deep"),
    /** 200 with JSON that is not valid UTF-8. */
    INVALID_UTF8("JSON with bytes that are not UTF-8"),
    /** 404 for a resource that exists. */
    STATUS_404("HTTP 404");

    private final String description;

    Fault(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
