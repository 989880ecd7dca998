package dev.hardening.auditor.core.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.http.internal.InsecureTransportException;
import dev.hardening.auditor.core.http.internal.RateLimitedException;
import dev.hardening.auditor.core.http.internal.ResponseSizeLimitInterceptor;
import dev.hardening.auditor.core.http.internal.ResponseTooLargeException;
import dev.hardening.auditor.core.http.internal.SameOriginRedirects;
import dev.hardening.auditor.core.model.Platform;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.IntPredicate;
import javax.net.ssl.SSLException;
import okhttp3.Call;
import okhttp3.OkHttpClient;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one way API clients make requests during an audit. It bounds concurrency per host, counts
 * requests, reports progress, supports cancelling everything in flight, and turns every failure
 * (network, status, rate limit, oversize, malformed or HTML body) into a {@link FetchException}
 * whose message is one clear sentence and whose {@code needed} says what would fix it.
 */
public final class HttpGateway {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final OkHttpClient client;
    private final ObjectMapper json;
    private final ProgressListener listener;
    private final int maxConcurrentPerHost;
    private final RequestStats stats = new RequestStats();
    private final Set<Call> inFlight = ConcurrentHashMap.newKeySet();
    private final Map<String, Semaphore> hostPermits = new ConcurrentHashMap<>();
    private volatile boolean cancelled;

    public HttpGateway(OkHttpClient client, ObjectMapper json, ProgressListener listener, int maxConcurrentPerHost) {
        this.client = client;
        this.json = json;
        this.listener = listener;
        this.maxConcurrentPerHost = maxConcurrentPerHost;
    }

    public RequestStats stats() {
        return stats;
    }

    /** Cancels every call in flight and refuses new ones. */
    public void cancelAll() {
        cancelled = true;
        inFlight.forEach(Call::cancel);
    }

    /** GET, accepting 2xx only. */
    public ApiResponse get(ApiRequest request) throws FetchException {
        return get(request, status -> status >= 200 && status < 300);
    }

    /** GET, returning any response whose status {@code accepted} allows; other statuses throw. */
    public ApiResponse get(ApiRequest request, IntPredicate accepted) throws FetchException {
        return get(request, accepted, 0);
    }

    /**
     * As {@link #get(ApiRequest, IntPredicate)}, with its own cap on the body instead of the
     * settings' one ({@code maxBytes <= 0} keeps the settings' cap), for the few resources that are
     * legitimately large.
     */
    public ApiResponse get(ApiRequest request, IntPredicate accepted, long maxBytes) throws FetchException {
        return inTurn(request, () -> {
            ApiResponse response = execute(request, maxBytes);
            if (!accepted.test(response.status())) {
                throw statusFailure(request, response);
            }
            return response;
        });
    }

    /** One exchange with a host, run by {@link #inTurn} once the host has a free slot. */
    @FunctionalInterface
    private interface Exchange<T> {
        T run() throws FetchException;
    }

    /**
     * Runs an exchange in its host's turn (at most {@code maxConcurrentPerHost} at once), counting it in
     * the stats and framing it with FetchStarted/FetchFinished events; a cancelled audit sends nothing.
     */
    private <T> T inTurn(ApiRequest request, Exchange<T> exchange) throws FetchException {
        String host = request.url().host();
        if (cancelled) {
            throw failure(request, Cause.CANCELLED, "the audit was cancelled", "run the audit again", 0, null);
        }
        stats.request(host);
        emit(new ProgressEvent.FetchStarted(request.platform(), request.resource()));
        boolean ok = false;
        Semaphore permits = hostPermits.computeIfAbsent(host, h -> new Semaphore(maxConcurrentPerHost, true));
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stats.error(host);
            emit(new ProgressEvent.FetchFinished(request.platform(), request.resource(), false));
            throw failure(request, Cause.CANCELLED, "interrupted before " + describe(request) + " was sent",
                    "run the audit again", 0, e);
        }
        try {
            if (cancelled) {
                // Cancelled while waiting for a turn on this host.
                throw failure(request, Cause.CANCELLED, "the audit was cancelled", "run the audit again", 0, null);
            }
            T result = exchange.run();
            ok = true;
            return result;
        } catch (FetchException e) {
            stats.error(host);
            throw e;
        } finally {
            permits.release();
            emit(new ProgressEvent.FetchFinished(request.platform(), request.resource(), ok));
        }
    }

    /** Reads a streamed response body; see {@link #getStream}. */
    @FunctionalInterface
    public interface BodyReader<T> {
        /**
         * @param body          the body, at most the cap long; closed by the gateway afterwards
         * @param contentLength the declared length, or -1
         */
        T read(InputStream body, long contentLength) throws IOException;
    }

    /**
     * GET (2xx only) whose body is handed to {@code reader} as a stream: never held whole in memory,
     * never written to the HTTP cache, at most {@code maxBytes} long. Statuses and network failures
     * (also those that happen while the reader is reading) map to the same FetchExceptions as
     * {@link #get(ApiRequest)}. The reader's own exceptions other than I/O propagate unchanged.
     */
    public <T> T getStream(ApiRequest request, long maxBytes, BodyReader<T> reader) throws FetchException {
        if (request.body().isPresent()) {
            throw new IllegalArgumentException("a streamed request is a GET: " + request.resource());
        }
        return inTurn(request, () -> executeStreaming(request, maxBytes, reader));
    }

    private <T> T executeStreaming(ApiRequest request, long maxBytes, BodyReader<T> reader) throws FetchException {
        Request.Builder rb = new Request.Builder().url(request.url()).get().tag(RequestStats.class, stats)
                .tag(ResponseSizeLimitInterceptor.Limit.class, new ResponseSizeLimitInterceptor.Limit(maxBytes))
                .header("Cache-Control", "no-store");
        request.headers().forEach(rb::header);
        Call call = client.newCall(rb.build());
        inFlight.add(call);
        if (cancelled) {
            call.cancel();
        }
        try (Response response = call.execute()) {
            if (response.code() < 200 || response.code() >= 300) {
                // the verdict on a status needs only the status and headers; the body is not read
                throw statusFailure(request, new ApiResponse(response.code(), response.headers(), new byte[0], false));
            }
            NetworkFailureTrap body = new NetworkFailureTrap(response.body().byteStream());
            T result;
            try {
                result = reader.read(body, response.body().contentLength());
            } catch (IOException e) {
                throw body.failure != null ? body.failure : e;
            }
            if (body.failure != null) {
                throw body.failure;
            }
            stats.bytes(request.url().host(), body.count);
            return result;
        } catch (IOException e) {
            throw mapFailure(request, call, e);
        } finally {
            inFlight.remove(call);
        }
    }

    /**
     * Remembers an I/O failure of the network stream, so that a reader which turns read errors into
     * its own findings (a truncated archive) still lets the gateway report a network failure as one.
     */
    private static final class NetworkFailureTrap extends FilterInputStream {
        IOException failure;
        long count;

        NetworkFailureTrap(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                int b = super.read();
                count += b >= 0 ? 1 : 0;
                return b;
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                int n = super.read(b, off, len);
                count += Math.max(0, n);
                return n;
            } catch (IOException e) {
                failure = failure == null ? e : failure;
                throw e;
            }
        }
    }

    /** GET a JSON document (2xx only). */
    public JsonNode getJson(ApiRequest request) throws FetchException {
        return parseJson(request, get(request));
    }

    /** GET a JSON document, or empty when the resource does not exist (404). */
    public Optional<JsonNode> getJsonIfFound(ApiRequest request) throws FetchException {
        ApiResponse r = get(request, status -> status == 404 || status >= 200 && status < 300);
        if (r.status() == 404) {
            return Optional.empty();
        }
        return Optional.of(parseJson(request, r));
    }

    /** Parses a body as JSON, refusing HTML pages and truncated or invalid documents with a clear reason. */
    public JsonNode parseJson(ApiRequest request, ApiResponse response) throws FetchException {
        String contentType = Optional.ofNullable(response.header("Content-Type")).orElse("");
        byte[] body = response.body();
        if (looksLikeHtml(body) || contentType.startsWith("text/html")) {
            throw failure(request, Cause.MALFORMED, platformName(request) + " returned an HTML page instead of JSON for "
                    + request.resource() + " (HTTP " + response.status() + ")",
                    "check the " + platformName(request) + " URL setting, or retry later", response.status(), null);
        }
        if (isBlank(body)) {
            throw failure(request, Cause.MALFORMED, platformName(request) + " returned an empty body for "
                    + request.resource() + " (HTTP " + response.status() + ")", "retry later", response.status(), null);
        }
        try {
            JsonNode node = json.readTree(body);
            if (node == null || node.isMissingNode()) {
                throw new IllegalStateException("empty document");
            }
            return node;
        } catch (JsonProcessingException | RuntimeException e) {
            String where = e instanceof JsonProcessingException jpe && jpe.getLocation() != null
                    ? " at line " + jpe.getLocation().getLineNr() + ", column " + jpe.getLocation().getColumnNr() : "";
            throw failure(request, Cause.MALFORMED, platformName(request) + " returned malformed or truncated JSON for "
                    + request.resource() + where, "retry later; if it persists, report it with --debug output",
                    response.status(), null);
        } catch (IOException e) {
            throw failure(request, Cause.MALFORMED, platformName(request) + " returned an unreadable body for "
                    + request.resource(), "retry later", response.status(), null);
        }
    }

    private ApiResponse execute(ApiRequest request, long maxBytes) throws FetchException {
        Request.Builder rb = new Request.Builder().url(request.url()).tag(RequestStats.class, stats);
        if (request.body().isPresent()) {
            ApiRequest.Body body = request.body().get();
            rb.post(RequestBody.create(body.content(), MediaType.get(body.mediaType())));
        } else {
            rb.get();
        }
        if (maxBytes > 0) {
            rb.tag(ResponseSizeLimitInterceptor.Limit.class, new ResponseSizeLimitInterceptor.Limit(maxBytes));
        }
        request.headers().forEach(rb::header);
        Call call = client.newCall(rb.build());
        inFlight.add(call);
        if (cancelled) {
            call.cancel();
        }
        try (Response response = call.execute()) {
            byte[] body = response.body().bytes();
            stats.bytes(request.url().host(), body.length);
            boolean fromCache = response.cacheResponse() != null;
            if (fromCache && response.networkResponse() == null) {
                stats.cacheHit(request.url().host());
            }
            return new ApiResponse(response.code(), response.headers(), body, fromCache);
        } catch (IOException e) {
            throw mapFailure(request, call, e);
        } finally {
            inFlight.remove(call);
        }
    }

    /** Turns an I/O failure of a call into a FetchException with a clear reason (shared by every kind of GET). */
    private FetchException mapFailure(ApiRequest request, Call call, IOException e) {
        if (e instanceof RateLimitedException r) {
            return rateLimited(request, r);
        }
        if (e instanceof ResponseTooLargeException t) {
            return failure(request, Cause.TOO_LARGE, platformName(request) + " sent more than " + t.limit()
                    + " bytes for " + request.resource() + "; the response was refused",
                    "check the URL setting; the size cap protects the audit from huge or endless responses", 0, e);
        }
        if (e instanceof InsecureTransportException) {
            return failure(request, Cause.NOT_CONFIGURED, e.getMessage(), "use an https:// URL for " + platformName(request), 0, e);
        }
        if (e instanceof SocketTimeoutException) {
            return failure(request, Cause.TIMEOUT, platformName(request) + " did not answer " + request.resource()
                    + " in time", "retry later or check your connection", 0, e);
        }
        if (e instanceof InterruptedIOException) {
            if (causedByInterrupt(e)) {
                // Keep the signal: the engine interrupts a check at its time limit, and the
                // memoised facts must know this failure came from that, not from the source.
                Thread.currentThread().interrupt();
            }
            if (cancelled || call.isCanceled() && !"timeout".equals(e.getMessage())) {
                return failure(request, Cause.CANCELLED, "cancelled while fetching " + request.resource(), "run the audit again", 0, e);
            }
            return failure(request, Cause.TIMEOUT, platformName(request) + " did not answer " + request.resource()
                    + " within the time limit", "retry later or check your connection", 0, e);
        }
        if (e instanceof UnknownHostException) {
            return failure(request, Cause.NETWORK, "cannot resolve " + request.url().host() + " to fetch " + request.resource(),
                    "check your network connection and the " + platformName(request) + " URL setting", 0, e);
        }
        if (e instanceof ConnectException) {
            return failure(request, Cause.NETWORK, "cannot connect to " + request.url().host() + ":" + request.url().port()
                    + " to fetch " + request.resource(), "check your network connection and the URL setting", 0, e);
        }
        if (SameOriginRedirects.isRedirectLoop(e)) {
            return failure(request, Cause.MALFORMED, request.url().host() + " redirected " + request.resource()
                    + " in a loop (more than 20 redirects); the auditor stopped following it",
                    "check the " + platformName(request) + " URL setting and any proxy; retry later", 0, e);
        }
        if (notGzip(e)) {
            return failure(request, Cause.MALFORMED, request.url().host() + " answered " + request.resource()
                    + " with a body declared compressed (gzip) that is not", "check any proxy between you and "
                    + platformName(request) + "; retry later", 0, e);
        }
        if (e instanceof SSLException) {
            return failure(request, Cause.NETWORK, "TLS handshake with " + request.url().host() + " failed for "
                    + request.resource(), "check the URL setting and any proxy that intercepts TLS", 0, e);
        }
        if (cancelled || call.isCanceled()) {
            return failure(request, Cause.CANCELLED, "cancelled while fetching " + request.resource(), "run the audit again", 0, e);
        }
        return failure(request, Cause.NETWORK, "connection to " + request.url().host() + " failed while fetching "
                + request.resource() + " (" + inPlainWords(e) + ")",
                "retry later or check your connection", 0, e);
    }

    /**
     * Whether a body OkHttp was un-gzipping was not gzip. Okio names the header field that failed
     * ("ID1ID2: actual ... != expected ...") or wraps the inflater's DataFormatException; anything
     * else falls through to the plain network failure.
     */
    private static boolean notGzip(IOException e) {
        String message = String.valueOf(e.getMessage());
        return message.startsWith("ID1ID2:") || message.startsWith("FEXTRA") || message.startsWith("CRC:")
                || message.startsWith("ISIZE:") || e instanceof java.util.zip.ZipException
                || e.getCause() instanceof java.util.zip.DataFormatException;
    }

    /** What an I/O failure means to the user, without the exception's class or message (which may hold a URL). */
    private static String inPlainWords(IOException e) {
        if (e instanceof java.io.EOFException || e instanceof java.net.ProtocolException) {
            return "the answer ended early or was not valid HTTP";
        }
        if (e instanceof java.net.SocketException) {
            return "the connection was reset or closed";
        }
        return "the connection broke";
    }

    private static FetchException rateLimited(ApiRequest request, RateLimitedException e) {
        boolean github = request.platform() == Platform.GITHUB;
        // "Secondary" is GitHub's word; a registry's 429 is simply its rate limit.
        String kind = github && e.secondary() ? " secondary rate limit" : " rate limit";
        Optional<String> at = e.resetAt().map(t -> resetTime(t, e.waitNeeded()));
        String reason = platformName(request) + kind + " reached while fetching " + request.resource()
                + at.map(t -> "; it resets at " + t).orElse("");
        String later = at.map(t -> "wait until " + t + " and run the audit again")
                .orElse("wait a few minutes and run the audit again");
        // 60 an hour is GitHub's anonymous quota: a token is the real fix, not waiting.
        boolean anonymous = github && !e.secondary() && (e.limit().isEmpty() || e.limit().getAsLong() <= 60);
        String needed = anonymous ? "a GITHUB_TOKEN (5,000 requests an hour instead of 60), or " + later : later;
        return failure(request, Cause.RATE_LIMITED, reason, needed, 0, e);
    }

    /** "12:45:00 UTC (in 45 min)"; the date is added when the reset is a day or more away. */
    private static String resetTime(Instant at, Duration wait) {
        String time = (wait.toHours() >= 20 ? DATE_TIME : TIME).format(at);
        long s = Math.max(0, wait.toSeconds());
        String in = s < 120 ? s + " s" : s < 2 * 3600 ? (s + 59) / 60 + " min" : (s + 1799) / 3600 + " h";
        return time + " (in " + in + ")";
    }

    private FetchException statusFailure(ApiRequest request, ApiResponse response) {
        int status = response.status();
        String name = platformName(request);
        String what = describe(request);
        if (status == 401) {
            return failure(request, Cause.UNAUTHORIZED, name + " refused the credential for " + what + " (HTTP 401)",
                    "a valid " + name + " token (it may be expired or revoked)", status, null);
        }
        if (status == 403) {
            String scopes = response.header("X-Accepted-OAuth-Scopes");
            String permissions = response.header("X-Accepted-GitHub-Permissions");
            String needed = scopes != null && !scopes.isBlank()
                    ? "a token with one of these scopes: " + scopes
                    : permissions != null && !permissions.isBlank()
                    ? "a fine-grained token with the permission " + permissions
                    : "a credential allowed to read " + request.resource();
            return failure(request, Cause.FORBIDDEN, name + " denied access to " + what + " (HTTP 403)", needed, status, null);
        }
        if (status == 404) {
            return failure(request, Cause.NOT_FOUND, name + " has no " + request.resource() + " (HTTP 404)",
                    "check the name, or use a token that can see it", status, null);
        }
        if (status == 429) {
            return failure(request, Cause.RATE_LIMITED, name + " rate limit reached for " + what + " (HTTP 429)",
                    "wait and run the audit again", status, null);
        }
        if (status >= 500) {
            return failure(request, Cause.SERVER_ERROR, name + " failed with HTTP " + status + " for " + what,
                    "retry later; the service may be having an outage", status, null);
        }
        if (status >= 300 && status < 400) {
            String elsewhere = response.header(SameOriginRedirects.REFUSED_HEADER);
            String where = elsewhere != null ? " to another host (" + elsewhere + "), which the auditor will not follow"
                    : " somewhere the auditor will not follow";
            return failure(request, Cause.SERVER_ERROR, name + " redirected " + what + " (HTTP " + status + ")" + where,
                    "check the " + name + " URL setting; answers are only taken from the host asked", status, null);
        }
        return failure(request, Cause.SERVER_ERROR, name + " answered " + what + " with unexpected HTTP " + status,
                "retry later", status, null);
    }

    private static FetchException failure(ApiRequest request, Cause cause, String reason, String needed, int status,
                                          Throwable error) {
        return new FetchException(Unavailability.of(cause, reason, needed), status, error);
    }

    private static String describe(ApiRequest request) {
        return request.resource();
    }

    private static String platformName(ApiRequest request) {
        return request.platform().displayName();
    }

    private static boolean causedByInterrupt(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(byte[] body) {
        for (byte b : body) {
            if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
                return false;
            }
        }
        return true;
    }

    private static boolean looksLikeHtml(byte[] body) {
        for (byte b : body) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t' || b == (byte) 0xEF || b == (byte) 0xBB || b == (byte) 0xBF) {
                continue;
            }
            return b == '<';
        }
        return false;
    }

    private void emit(ProgressEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException ignored) {
            // progress display problems never break a request
        }
    }
}
