package dev.hardening.auditor.core.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import mockwebserver3.MockResponse;

/**
 * Replays the real GitHub responses kept in {@code fixtures/} (see SOURCES.md there) with
 * MockWebServer.
 *
 * <p>Framing headers of the recording ({@code Content-Length}, {@code Transfer-Encoding},
 * {@code Content-Encoding}) are dropped: the stored body is the decoded text, so MockWebServer
 * frames it itself. The HTTP/2 pseudo-header {@code Status} is dropped too.
 */
public final class HttpFixtures {
    private static final Set<String> FRAMING = Set.of("content-length", "transfer-encoding", "content-encoding",
            "connection", "status");
    private static final ObjectMapper JSON = new ObjectMapper();

    private HttpFixtures() {
    }

    public static String text(String name) {
        try (InputStream in = HttpFixtures.class.getResourceAsStream("fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A {@code .http.txt} recording: a comment line, the status line, headers, a blank line, the body. */
    public static MockResponse.Builder recorded(String name) {
        String[] lines = text(name).split("\r?\n", -1);
        MockResponse.Builder b = new MockResponse.Builder();
        int i = 0;
        while (lines[i].startsWith("#")) {
            i++;
        }
        b.code(Integer.parseInt(lines[i].split(" ")[1].trim()));
        for (i++; i < lines.length && !lines[i].isEmpty(); i++) {
            int colon = lines[i].indexOf(':');
            String header = lines[i].substring(0, colon).trim();
            if (!FRAMING.contains(header.toLowerCase(Locale.ROOT))) {
                b.addHeader(header, lines[i].substring(colon + 1).trim());
            }
        }
        StringBuilder body = new StringBuilder();
        for (i++; i < lines.length; i++) {
            body.append(lines[i]).append(i < lines.length - 1 ? "\n" : "");
        }
        return b.body(body.toString().strip());
    }

    /**
     * The response of a WireMock mapping. Its templated headers ({@code {{now ...}}}) are replaced:
     * those named in {@code templates} get the given value, the others are dropped.
     */
    public static MockResponse.Builder wiremock(String name, Map<String, String> templates) {
        try {
            JsonNode response = JSON.readTree(text(name)).path("response");
            MockResponse.Builder b = new MockResponse.Builder().code(response.path("status").asInt());
            response.path("headers").fields().forEachRemaining(e -> {
                String header = e.getKey();
                if (FRAMING.contains(header.toLowerCase(Locale.ROOT))) {
                    return;
                }
                JsonNode value = e.getValue();
                for (JsonNode v : value.isArray() ? value : JSON.createArrayNode().add(value)) {
                    String text = v.asText();
                    if (text.contains("{{")) {
                        if (templates.containsKey(header)) {
                            b.addHeader(header, templates.get(header));
                        }
                    } else {
                        b.addHeader(header, text);
                    }
                }
            });
            return b.body(response.path("body").asText());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
