package dev.hardening.auditor.core.tokens.pypi;

import static dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder.token;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PyPITokenDescriptionTest {
    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final long IN_30_DAYS = NOW.plusSeconds(30 * 86_400L).getEpochSecond();
    private static final long AGO = NOW.minusSeconds(86_400L).getEpochSecond();

    static Stream<Arguments> descriptions() {
        return Stream.of(
                Arguments.of(token().caveat("[3,\"u\"]"), "PyPI API token (current caveat format)",
                        "the whole account", "never expires", "https://pypi.org/manage/account/#api-tokens"),
                Arguments.of(token().caveat("[1,[\"sampleproject\"]]").caveat("[0," + IN_30_DAYS + "," + AGO + "]"),
                        "PyPI API token (current caveat format)", "only the project sampleproject",
                        "expires 2026-07-01 12:00 UTC (in 30 days)", "Remove"),
                Arguments.of(token().location("test.pypi.org").caveat("{\"version\":1,\"permissions\":{\"projects\":[\"a\",\"b\"]}}"),
                        "TestPyPI API token (legacy caveat format)", "only the projects a, b", "never expires",
                        "https://test.pypi.org/manage/account/#api-tokens"),
                Arguments.of(token().caveat("[2,[\"id-1\"]]").caveat("[0," + AGO + "," + (AGO - 60) + "]"),
                        "PyPI API token", "the project with id id-1", "expired 2026-05-31 12:00 UTC", "Remove"),
                Arguments.of(token().caveat("[4,\"pub-1\"]").caveat("[0," + (NOW.getEpochSecond() + 900) + "," + NOW.getEpochSecond() + "]"),
                        "minted by trusted publishing", "trust publisher pub-1", "(in 0 hours)", "cannot be revoked"),
                Arguments.of(token().caveat("[7,\"x\"]"), "PyPI API token", "may restrict it further", "never expires", "Remove"));
    }

    @ParameterizedTest
    @MethodSource("descriptions")
    void describesKindScopeExpiryAndRevocation(PyMacaroonV2Encoder encoder, String kind, String scope, String expiry,
                                               String revoke) throws Exception {
        String t = encoder.build();
        PyPITokenDescription d = PyPITokenDescription.of(PyPITokenDecoder.decode(t), NOW);
        assertThat(PyPITokenDescription.inspect(t, NOW)).isEqualTo(d);

        assertThat(d.kind()).contains(kind);
        assertThat(d.scope()).contains(scope);
        assertThat(d.expiry()).contains(expiry);
        assertThat(d.revoke()).contains(revoke);
        assertThat(d.canDo()).contains("upload");
        assertThat(d.text()).contains("kind:", "scope:", "expiry:", "revoke:", "caveats:", d.fingerprint())
                .doesNotContain(t.substring(5, 25));
    }
}
