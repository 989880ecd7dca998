package dev.hardening.auditor.core.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The structure of a JSON document, without its values: every path with the JSON types found there.
 * Array elements collapse into {@code []}; objects whose keys are data (versions, dates, dependency
 * names, release numbers) collapse into {@code {*}}. A document "has the shape" of references when
 * each of its paths exists in some reference with a compatible type, so renaming, adding or nesting
 * a field differently than the real API does is caught while every value may change.
 */
final class JsonShape {
    /** Objects keyed by data rather than by field names. */
    private static final Set<String> DATA_KEYED = Set.of(
            "versions", "time", "dist-tags", "dependencies", "devDependencies", "peerDependencies",
            "optionalDependencies", "releases", "project_urls");

    private final Map<String, Set<String>> types = new TreeMap<>();

    private JsonShape() {
    }

    static JsonShape of(JsonNode root) {
        return at(root, "");
    }

    /** The shape of {@code node} placed under {@code prefix} (e.g. a version document under {@code versions.*}). */
    static JsonShape at(JsonNode node, String prefix) {
        JsonShape s = new JsonShape();
        s.walk(node, prefix.replace("*", "{*}"), lastKey(prefix));
        return s;
    }

    JsonShape union(JsonShape other) {
        JsonShape u = new JsonShape();
        types.forEach((k, v) -> u.types.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        other.types.forEach((k, v) -> u.types.computeIfAbsent(k, x -> new TreeSet<>()).addAll(v));
        return u;
    }

    /** The paths of this document that no reference has, or has with another type; empty when it fits. */
    List<String> mismatchesAgainst(JsonShape reference) {
        List<String> out = new ArrayList<>();
        types.forEach((path, mine) -> {
            Set<String> theirs = reference.types.get(path);
            if (theirs == null) {
                out.add(path + " (not in the reference)");
                return;
            }
            for (String t : mine) {
                // null is a value, not a shape: it may replace anything, and a reference null allows any value.
                boolean ok = t.equals("null") || theirs.contains(t) || theirs.equals(Set.of("null"));
                if (!ok) {
                    out.add(path + " is " + t + ", reference has " + theirs);
                }
            }
        });
        return out;
    }

    private void walk(JsonNode node, String path, String key) {
        types.computeIfAbsent(path.isEmpty() ? "$" : path, k -> new TreeSet<>()).add(typeOf(node));
        if (node.isObject()) {
            boolean dataKeyed = DATA_KEYED.contains(key);
            node.properties().forEach(e -> {
                String child = dataKeyed ? "{*}" : e.getKey();
                walk(e.getValue(), path.isEmpty() ? child : path + "." + child, e.getKey());
            });
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, path + "[]", ""));
        }
    }

    private static String lastKey(String prefix) {
        if (prefix.isEmpty()) {
            return "";
        }
        String[] parts = prefix.split("\\.");
        return parts[parts.length - 1];
    }

    private static String typeOf(JsonNode n) {
        if (n.isObject()) {
            return "object";
        }
        if (n.isArray()) {
            return "array";
        }
        if (n.isTextual()) {
            return "string";
        }
        if (n.isNumber()) {
            return "number";
        }
        if (n.isBoolean()) {
            return "boolean";
        }
        return "null";
    }
}
