package dev.hardening.auditor.sim.server;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete response: status, headers and body. Immutable once built. */
public record SimResponse(int status, Map<String, String> headers, byte[] body) {

    public SimResponse {
        headers = Map.copyOf(new LinkedHashMap<>(headers));
    }

    public static SimResponse json(int status, String json) {
        return new SimResponse(status, Map.of("Content-Type", "application/json; charset=utf-8"),
                json.getBytes(StandardCharsets.UTF_8));
    }

    public static SimResponse json(String json) {
        return json(200, json);
    }

    public static SimResponse bytes(String contentType, byte[] body) {
        return new SimResponse(200, Map.of("Content-Type", contentType), body);
    }

    public SimResponse withHeader(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new SimResponse(status, h, body);
    }

    public SimResponse withHeaders(Map<String, String> more) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.putAll(more);
        return new SimResponse(status, h, body);
    }

    public SimResponse withStatus(int s) {
        return new SimResponse(s, headers, body);
    }

    public String header(String name) {
        for (Map.Entry<String, String> e : headers.entrySet()) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }
}
