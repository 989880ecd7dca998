package dev.hardening.auditor.sim.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.sim.server.SimResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/** JSON building and the conditional-request headers every simulated JSON answer carries. */
final class Json {
    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a simulated template is not JSON: " + e.getOriginalMessage(), e);
        }
    }

    static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A 200 JSON answer with an ETag (weak as GitHub and npm send it, strong as PyPI does). */
    static SimResponse ok(JsonNode node, boolean weakEtag, Map<String, String> headers) {
        return ok(write(node), weakEtag, headers);
    }

    static SimResponse ok(String json, boolean weakEtag, Map<String, String> headers) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        String tag = "\"" + hash(body) + "\"";
        return new SimResponse(200, headers, body).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("ETag", weakEtag ? "W/" + tag : tag);
    }

    static String hash(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
