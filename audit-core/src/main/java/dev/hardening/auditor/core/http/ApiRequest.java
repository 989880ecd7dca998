package dev.hardening.auditor.core.http;

import dev.hardening.auditor.core.model.Platform;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * One request to an API: a GET, or a POST of a small body for the few read-only calls that need one
 * (PyPI's XML-RPC {@code user_packages}).
 *
 * @param platform whose API it is (for progress and messages)
 * @param url      the full URL
 * @param resource how to name it to the user, e.g. {@code GET /user}; never contains a secret
 * @param headers  extra request headers, e.g. {@code Accept}
 * @param body     the POST body, absent for a GET
 */
public record ApiRequest(Platform platform, HttpUrl url, String resource, Map<String, String> headers, Optional<Body> body) {
    /** A request body: its media type and text. */
    public record Body(String mediaType, String content) {
        public Body {
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(content, "content");
        }
    }

    public ApiRequest {
        Objects.requireNonNull(platform, "platform");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    public ApiRequest(Platform platform, HttpUrl url, String resource, Map<String, String> headers) {
        this(platform, url, resource, headers, Optional.empty());
    }

    public static ApiRequest get(Platform platform, HttpUrl url, String resource) {
        return new ApiRequest(platform, url, resource, Map.of());
    }

    /** A read-only POST (its answer depends only on the body). Like every POST it is not retried or cached. */
    public static ApiRequest post(Platform platform, HttpUrl url, String resource, String mediaType, String content) {
        return new ApiRequest(platform, url, resource, Map.of(), Optional.of(new Body(mediaType, content)));
    }

    public ApiRequest withHeader(String name, String value) {
        var h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new ApiRequest(platform, url, resource, h, body);
    }
}
