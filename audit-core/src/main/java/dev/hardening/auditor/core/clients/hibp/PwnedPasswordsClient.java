package dev.hardening.auditor.core.clients.hibp;

import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.model.Platform;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;

/**
 * Pwned Passwords range API (k-anonymity): only the first 5 hex characters of a password's SHA-1
 * are sent; the answer lists every suffix with that prefix. {@code Add-Padding} makes every answer
 * about the same size, so the response length does not hint at the prefix either.
 */
public final class PwnedPasswordsClient {
    private static final Pattern PREFIX = Pattern.compile("[0-9A-Fa-f]{5}");
    private static final Pattern LINE = Pattern.compile("([0-9A-Fa-f]+):(\\d+)");
    private static final String NEEDED = "retry later; the password could not be checked";

    private final HttpGateway gateway;
    private final HttpUrl baseUrl;

    public PwnedPasswordsClient(HttpGateway gateway, HttpUrl baseUrl) {
        this.gateway = gateway;
        this.baseUrl = baseUrl;
    }

    /** {@code GET /range/{prefix}}; the prefix must be exactly 5 hexadecimal characters. */
    public PwnedPasswordRange range(String prefix) throws FetchException {
        // Never echo the argument: a caller's mistake could pass the whole hash or the password itself.
        if (prefix == null || !PREFIX.matcher(prefix).matches()) {
            throw new IllegalArgumentException("a Pwned Passwords range prefix is exactly 5 hexadecimal characters");
        }
        String p = prefix.toUpperCase(Locale.ROOT);
        HttpUrl url = baseUrl.newBuilder().addPathSegment("range").addPathSegment(p).build();
        // The resource leaves the prefix out: it is derived from a password, and resources reach logs.
        ApiRequest request = ApiRequest.get(Platform.HIBP, url, "GET /range/{prefix}")
                .withHeader("Add-Padding", "true");
        ApiResponse response = gateway.get(request);
        return new PwnedPasswordRange(p, parse(response.bodyText()));
    }

    /**
     * {@code SUFFIX:COUNT} lines. Anything else means a truncated or foreign answer: refusing it is
     * safer than reporting "not pwned" from half a list.
     */
    static Map<String, Long> parse(String body) throws FetchException {
        String text = body.strip();
        if (text.startsWith("<")) {
            throw Failures.malformed("Pwned Passwords returned an HTML page instead of a hash range", NEEDED, 200);
        }
        if (text.isEmpty()) {
            throw Failures.malformed("Pwned Passwords returned an empty hash range", NEEDED, 200);
        }
        Map<String, Long> counts = new HashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = LINE.matcher(line);
            if (!m.matches()) {
                throw Failures.malformed("Pwned Passwords returned a line that is not SUFFIX:COUNT", NEEDED, 200);
            }
            long count;
            try {
                count = Long.parseLong(m.group(2));
            } catch (NumberFormatException tooLarge) {
                throw Failures.malformed("Pwned Passwords returned a count that is not a number", NEEDED, 200);
            }
            if (count > 0) {
                counts.merge(m.group(1).toUpperCase(Locale.ROOT), count, Long::sum);
            }
        }
        return counts;
    }
}
