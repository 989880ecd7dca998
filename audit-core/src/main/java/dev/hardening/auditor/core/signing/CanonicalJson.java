package dev.hardening.auditor.core.signing;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Canonical JSON: one byte sequence for one JSON value, so that a signature over it does not depend
 * on how the value was formatted. The rules (docs/EVIDENCE.md) are those of RFC 8785 (JCS) for
 * documents whose numbers are integers, which is all this tool writes:
 * <ol>
 * <li>UTF-8 without byte-order mark; no whitespace outside strings.</li>
 * <li>Object members sorted by name, comparing the names as sequences of UTF-16 code units; a
 *     duplicate name is an error.</li>
 * <li>Strings: {@code "} and {@code \} as {@code \"} and {@code \\}; U+0008, U+0009, U+000A, U+000C,
 *     U+000D as {@code \b \t \n \f \r}; the other characters below U+0020 as {@code \}{@code u00xx}
 *     with lower-case hex; every other character as itself, in UTF-8 (no {@code \}{@code u} escapes,
 *     {@code /} not escaped). A lone surrogate is an error.</li>
 * <li>Numbers: integers only, between -(2^53-1) and 2^53-1, in plain decimal without a plus sign,
 *     leading zeros, fraction or exponent ({@code -0} is written {@code 0}). Any other number is an
 *     error rather than being rounded.</li>
 * <li>{@code true}, {@code false}, {@code null} as such.</li>
 * </ol>
 */
public final class CanonicalJson {
    private static final BigInteger MAX_SAFE = BigInteger.valueOf(9007199254740991L);
    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .build();

    static {
        STRICT.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(200).maxNumberLength(40).build());
    }

    private CanonicalJson() {
    }

    /**
     * Parses JSON strictly: duplicate names, trailing content, invalid UTF-8 and truncated input are
     * errors ({@link CanonicalFormException} with Jackson's reason).
     */
    public static JsonNode parse(byte[] json) {
        try {
            // Jackson accepts some malformed UTF-8 (overlong forms); the JDK's decoder does not.
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(json));
        } catch (CharacterCodingException e) {
            throw new CanonicalFormException("invalid UTF-8");
        }
        JsonNode node;
        try {
            node = STRICT.readTree(json);
        } catch (JsonProcessingException e) {
            throw new CanonicalFormException("invalid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new CanonicalFormException("cannot read JSON: " + e.getMessage());
        }
        if (node == null || node.isMissingNode()) {
            throw new CanonicalFormException("the input is empty");
        }
        return node;
    }

    /** The canonical bytes of {@code value}; throws {@link CanonicalFormException} for values outside the rules. */
    public static byte[] bytes(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(out.length() + 16);
        byte[] utf8 = out.toString().getBytes(StandardCharsets.UTF_8);
        bytes.write(utf8, 0, utf8.length);
        return bytes.toByteArray();
    }

    private static void write(JsonNode node, StringBuilder out) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>();
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                // String.compareTo compares UTF-16 code units, as RFC 8785 requires.
                names.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(names.get(i), out);
                    out.append(':');
                    write(node.get(names.get(i)), out);
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    write(node.get(i), out);
                }
                out.append(']');
            }
            case STRING -> string(node.textValue(), out);
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw new CanonicalFormException("only integer numbers are allowed, found " + node.asText());
                }
                BigInteger v = node.bigIntegerValue();
                if (v.abs().compareTo(MAX_SAFE) > 0) {
                    throw new CanonicalFormException("integer " + v + " is outside ±(2^53-1)");
                }
                out.append(v.toString());
            }
            case BOOLEAN -> out.append(node.booleanValue() ? "true" : "false");
            case NULL -> out.append("null");
            default -> throw new CanonicalFormException("unsupported JSON value " + node.getNodeType());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw new CanonicalFormException("a string holds a lone surrogate");
                }
                out.append(c).append(s.charAt(++i));
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                throw new CanonicalFormException("a string holds a lone surrogate");
            }
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** A value that has no canonical form under these rules (a fraction, a huge integer, a lone surrogate). */
    public static final class CanonicalFormException extends RuntimeException {
        public CanonicalFormException(String message) {
            super(message, null, false, false);
        }
    }
}
