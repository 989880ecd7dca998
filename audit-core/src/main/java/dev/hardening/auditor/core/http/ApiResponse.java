package dev.hardening.auditor.core.http;

import java.nio.charset.StandardCharsets;
import okhttp3.Headers;

/**
 * A complete response: status, headers and the (size-capped) body.
 *
 * @param fromCache whether the body came from the HTTP cache (fresh, or revalidated with a 304)
 */
public record ApiResponse(int status, Headers headers, byte[] body, boolean fromCache) {
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
        return headers.get(name);
    }
}
