package dev.hardening.auditor.core.tokens.pypi;

import static dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo.Format;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo.Index;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo.Scope;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PyPITokenDecoderTest {
    private static final long EXP = 1_798_761_600L; // 2027-01-01T00:00:00Z
    private static final long NBF = 1_767_225_600L; // 2026-01-01T00:00:00Z
    private static final String USER = "[3,\"0b3c6a0e-6a43-4f0c-9d7e-1b2c3d4e5f60\"]";

    record Expected(Index index, Format format, Scope scope, List<String> names, List<String> ids,
                    Optional<Instant> expires, int unrecognised) {
    }

    static Stream<Arguments> tokens() {
        Optional<Instant> none = Optional.empty();
        Optional<Instant> exp = Optional.of(Instant.ofEpochSecond(EXP));
        return Stream.of(
                Arguments.of("current user token (RequestUser only)", token().caveat(USER),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.ACCOUNT, List.of(), List.of(), none, 0)),
                Arguments.of("current project-name token", token().caveat("[1,[\"sampleproject\"]]").caveat(USER),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.PROJECTS, List.of("sampleproject"), List.of(), none, 0)),
                Arguments.of("current project-id token", token().caveat("[2,[\"6f2b1c2e-aaaa-4bbb-8ccc-111122223333\"]]"),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.PROJECTS, List.of(),
                                List.of("6f2b1c2e-aaaa-4bbb-8ccc-111122223333"), none, 0)),
                Arguments.of("project token with expiry", token().caveat("[0," + EXP + "," + NBF + "]")
                                .caveat("[1,[\"a-pkg\",\"b-pkg\"]]").caveat(USER),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.PROJECTS, List.of("a-pkg", "b-pkg"), List.of(), exp, 0)),
                Arguments.of("account token with expiry", token().caveat(USER).caveat("[0," + EXP + "," + NBF + "]"),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.ACCOUNT, List.of(), List.of(), exp, 0)),
                Arguments.of("trusted-publishing token", token().caveat("[4,\"5b6d3c1a-0000-4e5f-8a9b-abcdefabcdef\"]")
                                .caveat("[0," + EXP + "," + NBF + "]"),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.TRUSTED_PUBLISHER, List.of(), List.of(), exp, 0)),
                Arguments.of("legacy user token", token().caveat("{\"version\": 1, \"permissions\": \"user\"}"),
                        new Expected(Index.PYPI, Format.LEGACY, Scope.ACCOUNT, List.of(), List.of(), none, 0)),
                Arguments.of("legacy project token",
                        token().caveat("{\"version\": 1, \"permissions\": {\"projects\": [\"requests-toolbelt\"]}}"),
                        new Expected(Index.PYPI, Format.LEGACY, Scope.PROJECTS, List.of("requests-toolbelt"), List.of(), none, 0)),
                Arguments.of("legacy exp/nbf and project_ids", token().caveat("{\"exp\": " + EXP + ", \"nbf\": " + NBF + "}")
                                .caveat("{\"project_ids\": [\"c0ffee00-0000-4000-8000-000000000001\"]}"),
                        new Expected(Index.PYPI, Format.LEGACY, Scope.PROJECTS, List.of(),
                                List.of("c0ffee00-0000-4000-8000-000000000001"), exp, 0)),
                Arguments.of("legacy permissions with current expiry", token().caveat("{\"version\":1,\"permissions\":\"user\"}")
                                .caveat("[0," + EXP + "," + NBF + "]"),
                        new Expected(Index.PYPI, Format.MIXED, Scope.ACCOUNT, List.of(), List.of(), exp, 0)),
                Arguments.of("no caveats at all", token(),
                        new Expected(Index.PYPI, Format.NONE, Scope.ACCOUNT, List.of(), List.of(), none, 0)),
                Arguments.of("TestPyPI token", token().location("test.pypi.org").caveat("[1,[\"demo\"]]"),
                        new Expected(Index.TEST_PYPI, Format.CURRENT, Scope.PROJECTS, List.of("demo"), List.of(), none, 0)),
                Arguments.of("unknown tag and non-JSON caveat", token().caveat("[9,\"future\"]").rawCaveat(new byte[] {(byte) 0xff, 1}),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.ACCOUNT, List.of(), List.of(), none, 2)),
                Arguments.of("third-party caveat", token().thirdPartyCaveat("elsewhere"),
                        new Expected(Index.PYPI, Format.NONE, Scope.ACCOUNT, List.of(), List.of(), none, 1)),
                Arguments.of("standard base64 with padding", token().standardBase64().caveat("[1,[\"x\"]]").caveat(USER),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.PROJECTS, List.of("x"), List.of(), none, 0)),
                Arguments.of("two expirations: the earliest counts", token().caveat("[0," + EXP + "," + NBF + "]")
                                .caveat("[0," + (EXP + 86_400) + "," + NBF + "]").caveat("[1,[\"p\"]]"),
                        new Expected(Index.PYPI, Format.CURRENT, Scope.PROJECTS, List.of("p"), List.of(), exp, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void decodesScopeExpiryAndFormat(String name, PyMacaroonV2Encoder encoder, Expected expected) throws Exception {
        PyPITokenInfo info = PyPITokenDecoder.decode(encoder.build());

        assertThat(new Expected(info.index(), info.format(), info.scope(), info.projectNames(), info.projectIds(),
                info.expiresAt(), info.unrecognisedCaveats())).isEqualTo(expected);
        assertThat(info.fingerprint()).startsWith("pypi-… sha256:").hasSize("pypi-… sha256:".length() + 12);
    }

    @Test
    void aPyPITokenStartsWithTheEncodedLocationAsWarehouseDocumentsIt() throws Exception {
        String t = token().caveat(USER).build();

        assertThat(t).startsWith("pypi-AgEIcHlwaS5vcmc");
        assertThat(token().location("test.pypi.org").build()).startsWith("pypi-AgENdGVzdC5weXBpLm9yZw");
        assertThat(PyPITokenDecoder.decode("  " + t + "\n").scope()).as("surrounding whitespace").isEqualTo(Scope.ACCOUNT);
    }

    @Test
    void caveatsAreListedInOrderForDisplay() throws Exception {
        PyPITokenInfo info = PyPITokenDecoder.decode(token().caveat("[0," + EXP + "," + NBF + "]")
                .caveat("[1,[\"sampleproject\"]]").caveat(USER).build());

        assertThat(info.caveats()).containsExactly(
                "valid from 2026-01-01T00:00:00Z until 2027-01-01T00:00:00Z",
                "project names: sampleproject",
                "bound to user id 0b3c6a0e-6a43-4f0c-9d7e-1b2c3d4e5f60");
        assertThat(info.userId()).contains("0b3c6a0e-6a43-4f0c-9d7e-1b2c3d4e5f60");
        assertThat(info.notBefore()).contains(Instant.ofEpochSecond(NBF));
        assertThat(info.isExpiredAt(Instant.ofEpochSecond(EXP + 1))).isTrue();
        assertThat(info.isExpiredAt(Instant.ofEpochSecond(EXP - 1))).isFalse();
    }

    @Test
    void controlCharactersInsideCaveatsAreNotPrinted() throws Exception {
        PyPITokenInfo info = PyPITokenDecoder.decode(token().caveat("[1,[\"evil\\u001b[2Jname\"]]").build());

        assertThat(info.projectNames()).containsExactly("evil?[2Jname");
    }

    static Stream<Arguments> decoys() {
        String good = token().caveat("[1,[\"sampleproject\"]]").caveat(USER).build();
        String body = good.substring(5);
        byte[] v1 = "0024location pypi.org\n".getBytes(StandardCharsets.US_ASCII);
        return Stream.of(
                Arguments.of("empty", "", "No token"),
                Arguments.of("blank", "   \n", "No token"),
                Arguments.of("an npm token", "npm_DEMOdemoDEMOdemoDEMOdemoDEMOdemo0000", "not a PyPI API token"),
                Arguments.of("only the prefix", "pypi-", "nothing after"),
                Arguments.of("cut in half", good.substring(0, good.length() / 2), "truncated or corrupt"),
                Arguments.of("last characters lost", good.substring(0, good.length() - 5), "truncated or corrupt"),
                Arguments.of("length that base64 cannot have", "pypi-" + body.substring(0, 4 * 20 + 1), "not valid base64"),
                Arguments.of("bad base64 character", "pypi-" + body.substring(0, 30) + "$" + body.substring(31), "character base64 does not use"),
                Arguments.of("pasted with other text", good + " # my token", "character base64 does not use"),
                Arguments.of("wrong location", token().location("pypi.example.net").caveat(USER).build(), "not pypi.org or test.pypi.org"),
                Arguments.of("no location", token().location(null).caveat(USER).build(), "no location"),
                Arguments.of("a version 1 macaroon", "pypi-" + java.util.Base64.getUrlEncoder().encodeToString(v1), "version 2 macaroon"),
                Arguments.of("random bytes", "pypi-AgEIcHlwaS5vcmcAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "truncated or corrupt"),
                Arguments.of("huge input", "pypi-" + "A".repeat(PyPITokenDecoder.MAX_LENGTH), "far longer"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoys")
    void decoysGiveAClearErrorThatNeverEchoesTheToken(String name, String decoy, String says) {
        InvalidTokenException e = catchThrowableOfType(InvalidTokenException.class, () -> PyPITokenDecoder.decode(decoy));

        assertThat(e).as(name).isNotNull();
        assertThat(e.getMessage()).contains(says).doesNotContain("\n");
        assertThat(e.getCause()).isNull();
        assertThat(e.getStackTrace()).as("no stack trace to print by accident").isEmpty();
        String stripped = decoy.strip();
        if (stripped.length() > 8) {
            for (int i = 0; i + 8 <= stripped.length(); i += 4) {
                assertThat(e.getMessage()).doesNotContain(stripped.substring(i, i + 8));
            }
        }
    }

    @Test
    void nullIsRejectedLikeEmptyInput() {
        assertThat(catchThrowableOfType(InvalidTokenException.class, () -> PyPITokenDecoder.decode(null)))
                .hasMessageContaining("No token");
    }
}
