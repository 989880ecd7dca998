package dev.hardening.auditor.core.workflows;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;
import org.yaml.snakeyaml.LoaderOptions;

/**
 * A YAML document read with Jackson YAML into a tree, with the line each node starts on. Unlike
 * Jackson's own tree reader, it expands aliases ({@code *name}) and merge keys ({@code <<: *name}),
 * which GitHub Actions accepts, so a step shared through an anchor is analysed where it is used.
 * Expansion is bounded, so an alias bomb is refused instead of exhausting memory.
 */
final class YamlTree {
    /** Nodes a document may expand to (a large workflow has a few thousand). */
    static final int MAX_NODES = 200_000;
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory FACTORY = YAMLFactory.builder().loaderOptions(loaderOptions()).build();

    private final JsonNode root;
    private final Map<JsonNode, Integer> lines;

    private YamlTree(JsonNode root, Map<JsonNode, Integer> lines) {
        this.root = root;
        this.lines = lines;
    }

    /** Why a document could not be read, in one line for the user. */
    static final class InvalidYamlException extends Exception {
        InvalidYamlException(String message) {
            super(message);
        }
    }

    static YamlTree parse(String text) throws InvalidYamlException {
        Builder builder = new Builder();
        try (YAMLParser p = (YAMLParser) FACTORY.createParser(text)) {
            JsonToken first = p.nextToken();
            if (first == null) {
                throw new InvalidYamlException("the file is empty");
            }
            JsonNode root = builder.read(p, first);
            return new YamlTree(root, builder.lines);
        } catch (StreamReadException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr();
            throw new InvalidYamlException("it is not valid YAML" + where + ": " + firstLine(e.getOriginalMessage()));
        } catch (IOException | RuntimeException e) {
            throw new InvalidYamlException("it is not valid YAML: " + firstLine(e.getMessage()));
        }
    }

    JsonNode root() {
        return root;
    }

    /** The line a node starts on (1-based), when known. */
    Optional<Integer> line(JsonNode node) {
        return Optional.ofNullable(lines.get(node));
    }

    private static final class Builder {
        private final Map<String, JsonNode> anchors = new HashMap<>();
        private final Map<JsonNode, Integer> lines = new IdentityHashMap<>();
        private int nodes;

        JsonNode read(YAMLParser p, JsonToken token) throws IOException, InvalidYamlException {
            int line = p.currentTokenLocation().getLineNr();
            if (p.isCurrentAlias()) {
                JsonNode target = anchors.get(p.getText());
                JsonNode copy = target == null ? NODES.textNode("*" + p.getText()) : copy(target, line);
                count(1);
                return copy;
            }
            String anchor = p.getObjectId();
            JsonNode node;
            switch (token) {
                case START_OBJECT -> {
                    ObjectNode object = NODES.objectNode();
                    lines.put(object, line);
                    JsonToken t;
                    while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                        String key = p.currentName();
                        JsonNode value = read(p, p.nextToken());
                        if (key.equals("<<") && value.isObject()) {
                            value.properties().forEach(e -> {
                                if (!object.has(e.getKey())) {
                                    object.set(e.getKey(), e.getValue());
                                }
                            });
                        } else {
                            object.set(key, value);
                        }
                    }
                    if (t != JsonToken.END_OBJECT) {
                        throw new InvalidYamlException("a mapping ends unexpectedly");
                    }
                    node = object;
                }
                case START_ARRAY -> {
                    ArrayNode array = NODES.arrayNode();
                    lines.put(array, line);
                    JsonToken t;
                    while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                        if (t == null) {
                            throw new InvalidYamlException("a list ends unexpectedly");
                        }
                        array.add(read(p, t));
                    }
                    node = array;
                }
                case VALUE_STRING -> node = NODES.textNode(p.getText());
                case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> node = NODES.textNode(p.getText());
                case VALUE_TRUE -> node = NODES.booleanNode(true);
                case VALUE_FALSE -> node = NODES.booleanNode(false);
                case VALUE_NULL -> node = NODES.nullNode();
                default -> throw new InvalidYamlException("unexpected " + token + " at line " + line);
            }
            lines.putIfAbsent(node, line);
            count(1);
            if (anchor != null) {
                anchors.put(anchor, node);
            }
            return node;
        }

        /** A deep copy for an alias, counted against the budget, its nodes placed at the alias's line. */
        private JsonNode copy(JsonNode source, int line) throws InvalidYamlException {
            JsonNode copy;
            if (source.isObject()) {
                ObjectNode o = NODES.objectNode();
                for (Map.Entry<String, JsonNode> e : source.properties()) {
                    o.set(e.getKey(), copy(e.getValue(), line));
                }
                copy = o;
            } else if (source.isArray()) {
                ArrayNode a = NODES.arrayNode();
                for (JsonNode e : source) {
                    a.add(copy(e, line));
                }
                copy = a;
            } else {
                copy = source.deepCopy();
            }
            lines.put(copy, line);
            count(1);
            return copy;
        }

        private void count(int n) throws InvalidYamlException {
            nodes += n;
            if (nodes > MAX_NODES) {
                throw new InvalidYamlException("it expands to more than " + MAX_NODES
                        + " YAML nodes (aliases nested to blow up its size); it was not analysed");
            }
        }
    }

    private static LoaderOptions loaderOptions() {
        LoaderOptions o = new LoaderOptions();
        o.setCodePointLimit(2 * 1024 * 1024);
        o.setNestingDepthLimit(100);
        o.setMaxAliasesForCollections(1000);
        o.setAllowDuplicateKeys(true);
        return o;
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no details";
        }
        String line = message.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
