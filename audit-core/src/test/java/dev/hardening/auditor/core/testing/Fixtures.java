package dev.hardening.auditor.core.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Recorded API responses kept as test resources under {@code fixtures/} (each module copies the
 * ones it needs from the shared corpus, with their attribution in {@code fixtures/SOURCES.md}).
 */
public final class Fixtures {
    private static final String ROOT = "fixtures/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private Fixtures() {
    }

    /** The resource {@code fixtures/<path>} as UTF-8 text. */
    public static String text(String path) {
        try (InputStream in = open(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read fixture " + path, e);
        }
    }

    /** The resource {@code fixtures/<path>} parsed as JSON; a fresh tree each call, safe to modify. */
    public static JsonNode json(String path) {
        try (InputStream in = open(path)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot parse fixture " + path, e);
        }
    }

    /** Like {@link #json} for a response whose top level is an object, to tweak one field in a test. */
    public static ObjectNode object(String path) {
        JsonNode node = json(path);
        if (!node.isObject()) {
            throw new IllegalArgumentException("fixture " + path + " is not a JSON object");
        }
        return (ObjectNode) node;
    }

    private static InputStream open(String path) {
        InputStream in = Fixtures.class.getClassLoader().getResourceAsStream(ROOT + path);
        if (in == null) {
            throw new IllegalArgumentException("no fixture " + ROOT + path + " on the test class path");
        }
        return in;
    }
}
