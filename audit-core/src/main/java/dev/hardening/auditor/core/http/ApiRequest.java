package dev.hardening.auditor.core.http;

import dev.hardening.auditor.core.model.Platform;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;

/**
 * One GET to an API.
 *
 * @param platform whose API it is (for progress and messages)
 * @param url      the full URL
 * @param resource how to name it to the user, e.g. {@code GET /user}; never contains a secret
 * @param headers  extra request headers, e.g. {@code Accept}
 */
public record ApiRequest(Platform platform, HttpUrl url, String resource, Map<String, String> headers) {
    public ApiRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(resource, "resource");
        headers = Map.copyOf(headers);
    }

    public static ApiRequest get(Platform platform, HttpUrl url, String resource) {
        return new ApiRequest(platform, url, resource, Map.of());
    }

    public ApiRequest withHeader(String name, String value) {
        var h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiRequest(platform, url, resource, h);
    }
}
