package dev.hardening.auditor.core.workstation;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The scalar values of a JSON or YAML document with their path and line, read with Jackson's
 * streaming parser (a tree would lose the lines). Credential files are small; a document with more
 * than {@value #MAX_SCALARS} values is cut short rather than read whole.
 */
final class LocatedScalars {
    static final int MAX_SCALARS = 10_000;
    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    /** One value: the keys (or array indexes) leading to it, its text, its 1-based line. */
    record Scalar(List<String> path, String value, int line) {
        String key() {
            return path.isEmpty() ? "" : path.get(path.size() - 1);
        }

        @Override
        public String toString() {
            return "Scalar[" + String.join(".", path) + " line " + line + "]";
        }
    }

    private LocatedScalars() {
    }

    static List<Scalar> json(String text) throws IOException {
        return scan(JSON, text);
    }

    static List<Scalar> yaml(String text) throws IOException {
        return scan(YAML, text);
    }

    private static List<Scalar> scan(JsonFactory factory, String text) throws IOException {
        List<Scalar> out = new ArrayList<>();
        // Each open container: its key path element source (field name for objects, index for arrays).
        Deque<String> path = new ArrayDeque<>();
        Deque<int[]> arrayIndexes = new ArrayDeque<>();
        Deque<Boolean> inArray = new ArrayDeque<>();
        try (JsonParser p = factory.createParser(text)) {
            String field = null;
            JsonToken t;
            while ((t = p.nextToken()) != null && out.size() < MAX_SCALARS) {
                switch (t) {
                    case FIELD_NAME -> field = p.currentName();
                    case START_OBJECT, START_ARRAY -> {
                        if (!inArray.isEmpty()) {
                            path.addLast(elementName(inArray, arrayIndexes, field));
                        }
                        inArray.addLast(t == JsonToken.START_ARRAY);
                        arrayIndexes.addLast(new int[] {0});
                        field = null;
                    }
                    case END_OBJECT, END_ARRAY -> {
                        inArray.pollLast();
                        arrayIndexes.pollLast();
                        if (!inArray.isEmpty()) {
                            path.pollLast();
                        }
                        field = null;
                    }
                    default -> {
                        if (t.isScalarValue()) {
                            List<String> full = new ArrayList<>(path);
                            if (!inArray.isEmpty()) {
                                full.add(elementName(inArray, arrayIndexes, field));
                            }
                            out.add(new Scalar(List.copyOf(full), p.getValueAsString(""), p.currentTokenLocation().getLineNr()));
                        }
                    }
                }
            }
        }
        return out;
    }

    private static String elementName(Deque<Boolean> inArray, Deque<int[]> arrayIndexes, String field) {
        if (Boolean.TRUE.equals(inArray.peekLast())) {
            return String.valueOf(arrayIndexes.peekLast()[0]++);
        }
        return field == null ? "" : field;
    }
}
