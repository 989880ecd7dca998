package dev.hardening.auditor.core.clients.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Defensive reads of API documents: a missing field, {@code null} or a value of an unexpected type
 * reads as empty, never as an exception, so one odd field cannot lose a whole response.
 */
public final class JsonFields {
    private JsonFields() {
    }

    /** The child node, or a missing node when {@code node} is not an object or lacks the field. */
    public static JsonNode field(JsonNode node, String name) {
        return node == null ? MissingNode.getInstance() : node.path(name);
    }

    /** A text field that is present and not blank. Numbers are not read as text. */
    public static Optional<String> text(JsonNode node, String name) {
        return text(field(node, name));
    }

    /** The node's text, when it is a non-blank string. */
    public static Optional<String> text(JsonNode value) {
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(value.asText().trim());
    }

    /** A text field, or {@code ""}. */
    public static String textOrEmpty(JsonNode node, String name) {
        return text(node, name).orElse("");
    }

    /** A boolean field; a string "true"/"false" is not accepted (the APIs send real booleans). */
    public static Optional<Boolean> bool(JsonNode node, String name) {
        JsonNode v = field(node, name);
        return v.isBoolean() ? Optional.of(v.booleanValue()) : Optional.empty();
    }

    /** An integral number field. */
    public static Optional<Long> number(JsonNode node, String name) {
        JsonNode v = field(node, name);
        return v.isIntegralNumber() ? Optional.of(v.longValue()) : Optional.empty();
    }

    /** A timestamp field, see {@link Timestamps#parse(String)}. */
    public static Optional<Instant> instant(JsonNode node, String name) {
        return text(node, name).flatMap(Timestamps::parse);
    }

    /** The string elements of an array field; other elements are skipped. */
    public static List<String> strings(JsonNode node, String name) {
        List<String> out = new ArrayList<>();
        for (JsonNode e : elements(field(node, name))) {
            text(e).ifPresent(out::add);
        }
        return out;
    }

    /** The elements of an array node; empty for anything else. */
    public static List<JsonNode> elements(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(out::add);
        }
        return out;
    }

    /** The fields of an object node, in document order; empty for anything else. */
    public static Map<String, JsonNode> fields(JsonNode object) {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (object != null && object.isObject()) {
            object.properties().forEach(e -> out.put(e.getKey(), e.getValue()));
        }
        return out;
    }

    /** The string-valued fields of an object field, in document order. */
    public static Map<String, String> stringMap(JsonNode node, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        fields(field(node, name)).forEach((k, v) -> text(v).ifPresent(t -> out.put(k, t)));
        return out;
    }
}
