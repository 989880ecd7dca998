package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.tokens.SampleTokens;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class TokenInspectCommandTest {

    static Stream<Arguments> tokens() {
        return Stream.of(
                Arguments.of(SampleTokens.GITHUB_CLASSIC, 0, "github-classic-pat", "format valid, checksum matches", "https://github.com/settings/tokens"),
                Arguments.of(SampleTokens.NPM, 0, "npm-token", "checksum matches", "npm token list"),
                Arguments.of("ASIAY34FZKBOKMUTVV7A", 0, "aws-temporary-key", "AWS account 609629065308", "revoke-sessions"),
                Arguments.of("AKIAIOSFODNN7EXAMPLE", 1, "aws-long-lived-key", "documented example", "nothing to revoke"),
                Arguments.of(SampleTokens.GITHUB_CLASSIC_BAD_CHECKSUM, 1, "github-classic-pat", "checksum does not match", "nothing to revoke"),
                Arguments.of("xoxb-2048739201-5738291047-Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1", 0, "slack-token", "bot token", "auth.revoke"),
                Arguments.of("sk_live_51Hq7Wm2Kp9Rt4Vx8Lb3Nc6Zs1Jd0Fg", 0, "stripe-secret-key", "live mode", "dashboard.stripe.com"),
                Arguments.of("AIzaSyDq3Wn8rT5vK0pLmZx7bC2eH9jR4uFgN1s", 0, "google-api-key", "no checksum", "console.cloud.google.com"),
                Arguments.of(dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder.token().caveat("[1,[\"sampleproject\"]]").build(),
                        0, "pypi-token", "sampleproject", "pypi.org/manage/account"));
    }

    @ParameterizedTest(name = "{2}: {3}")
    @MethodSource("tokens")
    void printsKindValidityAndRevocationButNeverTheToken(String token, int exit, String kind, String detail, String revoke) {
        CliRun run = CliRun.withInput(token + "\n", Map.of(), "token-inspect");

        assertThat(run.exitCode()).isEqualTo(exit);
        assertThat(run.out()).contains("(" + kind + ")", detail, revoke);
        assertThat(run.all()).doesNotContain(token).doesNotContain(token.substring(token.length() - 12));
    }

    @Test
    void unknownTextIsSaidToBeUnknown() {
        CliRun run = CliRun.withInput("just some words\n", Map.of(), "token-inspect");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("not a token of a known format");
        assertThat(run.all()).doesNotContain("just some words");
    }

    @Test
    void tokensAreNeverTakenFromTheCommandLine() {
        CliRun run = CliRun.withInput("", Map.of(), "token-inspect", SampleTokens.GITHUB_CLASSIC);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void emptyInputIsAUsageError() {
        assertThat(CliRun.withInput("\n", Map.of(), "token-inspect").exitCode()).isEqualTo(ExitCodes.USAGE);
    }
}
