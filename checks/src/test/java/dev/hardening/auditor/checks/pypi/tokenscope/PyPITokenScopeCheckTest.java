package dev.hardening.auditor.checks.pypi.tokenscope;

import static dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder.token;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.diff.ReportDiff;
import dev.hardening.auditor.core.diff.ReportDiff.TokenChange;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.pypi.PyPIFacts;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.ReportBuilder;
import dev.hardening.auditor.core.tokens.pypi.PyMacaroonV2Encoder;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenDecoder;
import dev.hardening.auditor.core.tokens.pypi.PyPITokenInfo;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PyPITokenScopeCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new PyPITokenScopeCheck());
    private static final long NOW = CheckHarness.DEFAULT_NOW.getEpochSecond();
    private static final String USER = "[3,\"0b3c6a0e-6a43-4f0c-9d7e-1b2c3d4e5f60\"]";

    static Stream<Arguments> verdicts() {
        String in30Days = "[0," + (NOW + 30 * 86_400) + "," + (NOW - 60) + "]";
        return Stream.of(
                Arguments.of("account-wide user token", token().caveat(USER), Status.FAIL, "every project of the account"),
                Arguments.of("legacy account-wide token", token().caveat("{\"version\":1,\"permissions\":\"user\"}"), Status.FAIL,
                        "never expires"),
                Arguments.of("account-wide even with an expiry", token().caveat(USER).caveat(in30Days), Status.FAIL, "expires"),
                Arguments.of("project-scoped without expiry", token().caveat("[1,[\"sampleproject\"]]").caveat(USER), Status.WARN,
                        "the project sampleproject but never expires"),
                Arguments.of("legacy project-scoped without expiry",
                        token().caveat("{\"version\":1,\"permissions\":{\"projects\":[\"a\",\"b\"]}}"), Status.WARN, "the projects a, b"),
                Arguments.of("project-scoped with expiry", token().caveat("[2,[\"6f2b1c2e\"]]").caveat(in30Days), Status.PASS,
                        "expires 2026-07-01"),
                Arguments.of("expired account-wide token", token().caveat(USER).caveat("[0," + (NOW - 10) + "," + (NOW - 100) + "]"),
                        Status.PASS, "has expired"),
                Arguments.of("trusted-publishing token", token().caveat("[4,\"pub\"]").caveat("[0," + (NOW + 900) + "," + NOW + "]"),
                        Status.PASS, "trusted publishing"),
                Arguments.of("account-wide but with an unknown caveat", token().caveat(USER).caveat("[42,\"x\"]"), Status.UNKNOWN,
                        "does not know"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void scopeAndExpiryDecideTheVerdict(String name, PyMacaroonV2Encoder encoder, Status expected, String says) throws Exception {
        String t = encoder.build();

        Finding finding = HARNESS.runSingle(FakeFacts.none().with(PyPIFacts.TOKEN_SCOPE, PyPITokenDecoder.decode(t)));

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(says);
        assertThat(finding.subject()).startsWith("PyPI token pypi-… sha256:");
        assertThat(finding.toString()).doesNotContain(t.substring(5, 40), t.substring(t.length() - 20));
    }

    @Test
    void evidenceListsScopeExpiryAndEachCaveat() throws Exception {
        Finding finding = HARNESS.runSingle(FakeFacts.none().with(PyPIFacts.TOKEN_SCOPE,
                PyPITokenDecoder.decode(token().caveat("[1,[\"sampleproject\"]]").caveat(USER).build())));

        assertThat(finding.evidence()).extracting(e -> e.label() + "=" + e.value()).containsExactly(
                "kind=PyPI API token (current caveat format)", "scope=only the project sampleproject", "expiry=never expires",
                "caveat=project names: sampleproject", "caveat=bound to user id 0b3c6a0e-6a43-4f0c-9d7e-1b2c3d4e5f60");
        assertThat(finding.evidence()).allSatisfy(e -> assertThat(e.source()).isEqualTo("PYPI_TOKEN, decoded offline"));
    }

    @Test
    void theTokenIsNamedByFingerprintSoThatADiffShowsItReplaced() throws Exception {
        PyPITokenInfo old = PyPITokenDecoder.decode(token().caveat(USER).build());
        PyPITokenInfo replacement = PyPITokenDecoder.decode(token().caveat("[1,[\"sampleproject\"]]").caveat(USER).build());
        Finding before = HARNESS.runSingle(FakeFacts.none().with(PyPIFacts.TOKEN_SCOPE, old));
        Finding after = HARNESS.runSingle(FakeFacts.none().with(PyPIFacts.TOKEN_SCOPE, replacement));

        ReportDiff diff = ReportDiff.between(ReportBuilder.report().with(before).build(), ReportBuilder.report().with(after).build());

        assertThat(before.attributes()).containsEntry("tokens", List.of(old.fingerprint()));
        assertThat(old.fingerprint()).isNotEqualTo(replacement.fingerprint()).startsWith("pypi-… sha256:");
        assertThat(diff.tokensAdded()).containsExactly(new TokenChange("pypi.token-scope", after.subject(), replacement.fingerprint()));
        assertThat(diff.tokensRemoved()).containsExactly(new TokenChange("pypi.token-scope", before.subject(), old.fingerprint()));
        assertThat(HARNESS.runSingle(FakeFacts.none().unavailable(PyPIFacts.TOKEN_SCOPE, Cause.NO_CREDENTIAL)).attributes())
                .as("no token, nothing named").isEmpty();
    }

    @Test
    void noTokenOrAnUndecodableOneIsUnknown() {
        Finding none = HARNESS.runSingle(FakeFacts.none().unavailable(PyPIFacts.TOKEN_SCOPE, Cause.NO_CREDENTIAL));
        Finding broken = HARNESS.runSingle(FakeFacts.none().unavailable(PyPIFacts.TOKEN_SCOPE, Unavailability.of(Cause.MALFORMED,
                "The PyPI token given cannot be decoded: The token is truncated or corrupt.", "check PYPI_TOKEN")));

        assertThat(none.status()).isEqualTo(Status.UNKNOWN);
        assertThat(none.needed()).contains("PYPI_TOKEN", "never sent");
        assertThat(broken.status()).isEqualTo(Status.UNKNOWN);
        assertThat(broken.message()).contains("truncated");
        assertThat(Instant.ofEpochSecond(NOW)).isEqualTo(CheckHarness.DEFAULT_NOW);
    }
}
