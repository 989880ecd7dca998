package dev.hardening.auditor.core.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CanonicalJsonTest {
    static Stream<Arguments> canonical() {
        return Stream.of(
                Arguments.of("whitespace removed, keys sorted", "{ \"b\" : 1,\n \"a\" : [ true , null ] }",
                        "{\"a\":[true,null],\"b\":1}"),
                Arguments.of("nested objects sorted too", "{\"z\":{\"y\":1,\"x\":2},\"a\":{}}", "{\"a\":{},\"z\":{\"x\":2,\"y\":1}}"),
                // RFC 8785 §3.2.3: sorting by UTF-16 code units puts U+E000 before U+1F600 (a surrogate pair D83D DE00... no: D83D < E000).
                Arguments.of("keys compared as UTF-16 code units", "{\"\\ue000\":1,\"\\ud83d\\ude00\":2,\"a\":3}",
                        "{\"a\":3,\"\ud83d\ude00\":2,\"\ue000\":1}"),
                Arguments.of("unicode escapes written as characters", "[\"\\u00e9\\u20ac\\/\"]", "[\"é€/\"]"),
                Arguments.of("control characters: short escapes and lower-case \\u00xx", "[\"\\u0008\\u0009\\u000a\\u000c\\u000d\\u0001\\u001F\"]",
                        "[\"\\b\\t\\n\\f\\r\\u0001\\u001f\"]"),
                Arguments.of("quote and backslash escaped, DEL literal", "[\"\\\"\\\\\u007f\"]", "[\"\\\"\\\\\u007f\"]"),
                Arguments.of("integers in plain decimal, -0 as 0", "[-0, 0, 9007199254740991, -9007199254740991]",
                        "[0,0,9007199254740991,-9007199254740991]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("canonical")
    void writes_the_one_canonical_form(String name, String input, String expected) {
        byte[] out = CanonicalJson.bytes(CanonicalJson.parse(input.getBytes(StandardCharsets.UTF_8)));

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(expected);
        // Idempotent: the canonical form of the canonical form is itself.
        assertThat(CanonicalJson.bytes(CanonicalJson.parse(out))).isEqualTo(out);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                Arguments.of("a fraction", "[1.5]", "only integer"),
                Arguments.of("an exponent", "[1e3]", "only integer"),
                Arguments.of("beyond 2^53-1", "[9007199254740992]", "outside"),
                Arguments.of("a duplicate name", "{\"a\":1,\"a\":2}", "Duplicate"),
                Arguments.of("trailing content", "{} {}", "invalid JSON"),
                Arguments.of("truncated", "{\"a\":[1,2", "invalid JSON"),
                Arguments.of("a lone surrogate", "[\"\\ud800\"]", "lone surrogate"),
                Arguments.of("empty input", "", "empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refused")
    void values_outside_the_rules_are_refused_not_rounded(String name, String input, String reason) {
        assertThatThrownBy(() -> CanonicalJson.bytes(CanonicalJson.parse(input.getBytes(StandardCharsets.UTF_8))))
                .isInstanceOf(CanonicalJson.CanonicalFormException.class).hasMessageContaining(reason);
    }

    @ParameterizedTest(name = "invalid UTF-8 {0}")
    @MethodSource("invalidUtf8")
    void invalid_utf8_is_refused(String name, byte[] input) {
        assertThatThrownBy(() -> CanonicalJson.parse(input)).isInstanceOf(CanonicalJson.CanonicalFormException.class);
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("lone continuation byte", new byte[] {'[', '"', (byte) 0x80, '"', ']'}),
                Arguments.of("overlong encoding", new byte[] {'[', '"', (byte) 0xC0, (byte) 0xAF, '"', ']'}),
                Arguments.of("truncated sequence", new byte[] {'[', '"', (byte) 0xE2, (byte) 0x82, '"', ']'}));
    }
}
