package dev.hardening.auditor.sim.server;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One request as the simulated server received it.
 *
 * @param target  the request target as sent ({@code /repos/o/r?per_page=100})
 * @param headers lower-case names
 */
public record SimRequest(Host host, String method, String target, Map<String, String> headers) {

    public SimRequest {
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** The encoded path, without the query. */
    public String rawPath() {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    /** The decoded path segments ({@code @sim%2Fpkg} stays one segment, {@code @sim/pkg}). */
    public List<String> segments() {
        List<String> out = new ArrayList<>();
        for (String s : rawPath().split("/")) {
            if (!s.isEmpty()) {
                out.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    /** The decoded query parameters (the last value of a repeated one). */
    public Map<String, String> query() {
        Map<String, String> out = new LinkedHashMap<>();
        int q = target.indexOf('?');
        if (q < 0) {
            return out;
        }
        for (String pair : target.substring(q + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            out.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return out;
    }

    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    /**
     * The resource this request names, independent of the order of its query parameters: the path and
     * the sorted query. Two requests with the same key ask for the same thing.
     */
    public String resourceKey() {
        Map<String, String> sorted = new TreeMap<>(query());
        StringBuilder b = new StringBuilder(rawPath());
        String sep = "?";
        for (Map.Entry<String, String> e : sorted.entrySet()) {
            b.append(sep).append(e.getKey()).append('=').append(e.getValue());
            sep = "&";
        }
        String range = header("range");
        if (range != null) {
            b.append(" [").append(range).append(']');
        }
        return b.toString();
    }
}
