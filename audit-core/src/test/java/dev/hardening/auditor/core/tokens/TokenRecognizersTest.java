package dev.hardening.auditor.core.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class TokenRecognizersTest {
    private static final TokenRecognizers RECOGNIZERS = TokenRecognizers.standard();
    private static final String OTHER_BODY = "Jk8pQw2Lm5Rt7Yx3Vb9Nc4Hs6Df1Ga0";

    static Stream<Arguments> realShapes() {
        return Stream.of(
                Arguments.of(SampleTokens.GITHUB_CLASSIC, CredentialKind.GITHUB_CLASSIC_PAT, FormatValidity.CHECKSUM_VALID),
                Arguments.of(SampleTokens.withChecksum("gho_", OTHER_BODY.substring(0, 30)), CredentialKind.GITHUB_OAUTH, FormatValidity.CHECKSUM_VALID),
                Arguments.of(SampleTokens.withChecksum("ghu_", OTHER_BODY.substring(0, 30)), CredentialKind.GITHUB_USER_TO_SERVER, FormatValidity.CHECKSUM_VALID),
                Arguments.of(SampleTokens.withChecksum("ghs_", OTHER_BODY.substring(0, 30)), CredentialKind.GITHUB_INSTALLATION, FormatValidity.CHECKSUM_VALID),
                Arguments.of(SampleTokens.withChecksum("ghr_", OTHER_BODY.substring(0, 30)), CredentialKind.GITHUB_REFRESH, FormatValidity.CHECKSUM_VALID),
                Arguments.of("ghs_123_eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOjEyM30.c2lnbmF0dXJl", CredentialKind.GITHUB_INSTALLATION, FormatValidity.WELL_FORMED),
                Arguments.of("github_pat_11AQ7ZKPY0Hq7Wm2Kp9RtV_" + "Zx9Yw8Vu7Ts6Rq5Po4Nm3Lk2Ji1Hg0FeDcBaZyXwVuTsRqPoNmLkJiHgFeD",
                        CredentialKind.GITHUB_FINE_GRAINED_PAT, FormatValidity.WELL_FORMED),
                Arguments.of(SampleTokens.NPM, CredentialKind.NPM_TOKEN, FormatValidity.CHECKSUM_VALID),
                Arguments.of(dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder.token().caveat("[1,[\"sampleproject\"]]").build(),
                        CredentialKind.PYPI_TOKEN, FormatValidity.WELL_FORMED),
                Arguments.of("AKIAQYLPMN5HHHFPZAM2", CredentialKind.AWS_LONG_LIVED_KEY, FormatValidity.WELL_FORMED),
                Arguments.of("ASIAY34FZKBOKMUTVV7A", CredentialKind.AWS_TEMPORARY_KEY, FormatValidity.WELL_FORMED),
                Arguments.of("xoxb-2048739201-5738291047-Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1", CredentialKind.SLACK_TOKEN, FormatValidity.WELL_FORMED),
                Arguments.of("https://hooks.slack.com/services/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", CredentialKind.SLACK_WEBHOOK, FormatValidity.WELL_FORMED),
                Arguments.of("sk_live_51Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1Jd0Fg", CredentialKind.STRIPE_SECRET_KEY, FormatValidity.WELL_FORMED),
                Arguments.of("rk_test_51Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1Jd0Fg", CredentialKind.STRIPE_SECRET_KEY, FormatValidity.WELL_FORMED),
                Arguments.of("AIzaSyDq3Wn8rT5vK0pLmZx7bC2eH9jR4uFgN1s", CredentialKind.GOOGLE_API_KEY, FormatValidity.WELL_FORMED));
    }

    static Stream<Arguments> decoys() {
        return Stream.of(
                Arguments.of(SampleTokens.GITHUB_CLASSIC_BAD_CHECKSUM, CredentialKind.GITHUB_CLASSIC_PAT, FormatValidity.CHECKSUM_INVALID),
                Arguments.of("ghp_DEMOdemoDEMOdemoDEMOdemoDEMOdemo0000", CredentialKind.GITHUB_CLASSIC_PAT, FormatValidity.CHECKSUM_INVALID),
                Arguments.of("ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", CredentialKind.GITHUB_CLASSIC_PAT, FormatValidity.CHECKSUM_INVALID),
                Arguments.of(SampleTokens.withChecksum("ghp_", "x".repeat(30)), CredentialKind.GITHUB_CLASSIC_PAT, FormatValidity.EXAMPLE),
                Arguments.of("ghp_<token>", CredentialKind.GITHUB_CLASSIC_PAT, FormatValidity.EXAMPLE),
                Arguments.of("ghp_tooShort9", CredentialKind.GITHUB_CLASSIC_PAT, FormatValidity.MALFORMED),
                Arguments.of("github_pat_<your-token>", CredentialKind.GITHUB_FINE_GRAINED_PAT, FormatValidity.EXAMPLE),
                Arguments.of("github_pat_11AQ7ZKPY0Hq7Wm2Kp9RtV_short", CredentialKind.GITHUB_FINE_GRAINED_PAT, FormatValidity.MALFORMED),
                Arguments.of(SampleTokens.NPM_BAD_CHECKSUM, CredentialKind.NPM_TOKEN, FormatValidity.CHECKSUM_INVALID),
                Arguments.of("npm_" + "0".repeat(36), CredentialKind.NPM_TOKEN, FormatValidity.CHECKSUM_INVALID),
                Arguments.of("pypi-your-token-here", CredentialKind.PYPI_TOKEN, FormatValidity.EXAMPLE),
                Arguments.of("pypi-AgEIcHlwaS5vcmc", CredentialKind.PYPI_TOKEN, FormatValidity.MALFORMED),
                // A published sample cut short: the right shape, but the decoder finds no signature.
                Arguments.of("pypi-AgEIcHlwaS5vcmcCJGE0YTQ3ZGI5LTg0YjQtNGJmNy1iNzUyLTZkNDgzNTQ5OTIxNwACKlszLCIyNjk4ZDE3MC0xYzM4LTQ1ZGYtODkwNC04ZmI1NWFiOGE2YmEiXQAABiBiOGQ0YTNiMjFmZGYxMjk4", CredentialKind.PYPI_TOKEN,
                        FormatValidity.MALFORMED),
                Arguments.of("AKIAIOSFODNN7EXAMPLE", CredentialKind.AWS_LONG_LIVED_KEY, FormatValidity.EXAMPLE),
                Arguments.of("sk_test_4eC39HqLyjWDarjtT1zdp7dc", CredentialKind.STRIPE_SECRET_KEY, FormatValidity.EXAMPLE),
                Arguments.of("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", CredentialKind.STRIPE_SECRET_KEY, FormatValidity.EXAMPLE),
                Arguments.of("AIzaYOUR_API_KEY_HERE", CredentialKind.GOOGLE_API_KEY, FormatValidity.EXAMPLE),
                Arguments.of("xoxb-your-bot-token", CredentialKind.SLACK_TOKEN, FormatValidity.EXAMPLE));
    }

    @ParameterizedTest(name = "{1} {2}")
    @MethodSource("realShapes")
    void recognisesRealShapesWithTheirKind(String token, CredentialKind kind, FormatValidity validity) {
        TokenInspection inspection = RECOGNIZERS.inspect(token).orElseThrow();

        assertThat(inspection.kind()).isEqualTo(kind);
        assertThat(inspection.validity()).isEqualTo(validity);
        assertThat(inspection.plausible()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decoys")
    void decoysAreRecognisedButNeverPlausible(String token, CredentialKind kind, FormatValidity validity) {
        TokenInspection inspection = RECOGNIZERS.inspect(token).orElseThrow();

        assertThat(inspection.kind()).isEqualTo(kind);
        assertThat(inspection.validity()).isEqualTo(validity);
        assertThat(inspection.plausible()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello world", "0123456789abcdef0123456789abcdef01234567", "pk_live_51Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1",
            "ghx_" + SampleTokens.BODY + "0mLq17", "-----BEGIN OPENSSH PRIVATE KEY-----"})
    void otherTextIsNotRecognised(String text) {
        assertThat(RECOGNIZERS.inspect(text)).isEmpty();
    }

    @Test
    void inspectionNeverHoldsTheToken() {
        for (String token : List.of(SampleTokens.GITHUB_CLASSIC, SampleTokens.NPM, "AKIAQYLPMN5HHHFPZAM2", "sk_live_51Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1Jd0Fg")) {
            TokenInspection inspection = RECOGNIZERS.inspect(token).orElseThrow();
            assertThat(inspection.toString()).doesNotContain(token).doesNotContain(token.substring(4, 20));
            assertThat(inspection.fingerprint()).startsWith(token.substring(0, token.indexOf('_') > 0 ? token.indexOf('_') : 0));
        }
    }

    @Test
    void surroundingWhitespaceIsIgnored() {
        assertThat(RECOGNIZERS.inspect("  " + SampleTokens.GITHUB_CLASSIC + "\n").map(TokenInspection::validity))
                .contains(FormatValidity.CHECKSUM_VALID);
    }

    @Test
    void awsKeyIdDetailsCarryTheDecodedAccount() {
        assertThat(RECOGNIZERS.inspect("ASIAY34FZKBOKMUTVV7A").orElseThrow().details()).contains("AWS account 609629065308");
    }

    @Test
    void pypiTokensAreDecodedOfflineForScopeAndExpiry() {
        String accountWide = dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder.token()
                .caveat("{\"version\": 1, \"permissions\": \"user\"}").build();
        String scoped = dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder.token()
                .caveat("[1,[\"sampleproject\"]]").build();

        TokenInspection account = RECOGNIZERS.inspect(accountWide).orElseThrow();
        TokenInspection project = RECOGNIZERS.inspect(scoped).orElseThrow();

        assertThat(account.validity()).isEqualTo(FormatValidity.WELL_FORMED);
        assertThat(account.details()).contains("issued by pypi.org").anyMatch(d -> d.startsWith("scope: the whole account"));
        assertThat(project.details()).anyMatch(d -> d.startsWith("scope:") && d.contains("sampleproject"))
                .anyMatch(d -> d.startsWith("expiry:"));
        assertThat(account.details()).noneMatch(d -> d.contains(accountWide));
    }

    @Test
    void aRecogniserAddedToTheListIsConsultedInOrder() {
        TokenRecognizer first = token -> Optional.of(TokenInspection.of(CredentialKind.UNKNOWN_SECRET, FormatValidity.WELL_FORMED, List.of(), token));
        TokenRecognizers custom = new TokenRecognizers(List.of(first));

        assertThat(custom.inspect(SampleTokens.GITHUB_CLASSIC).orElseThrow().kind()).isEqualTo(CredentialKind.UNKNOWN_SECRET);
    }
}
