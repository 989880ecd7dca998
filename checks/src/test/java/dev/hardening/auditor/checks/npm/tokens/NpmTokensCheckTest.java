package dev.hardening.auditor.checks.npm.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedNpm;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.npm.NpmFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpmTokensCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new NpmTokensCheck()); // now: 2026-06-01
    private static final String FIXTURE = "npm/tokens_v1_npmcli_test.json";

    /** The recorded publish token (first entry) edited by {@code edit}. */
    static FakeFacts publishToken(Consumer<ObjectNode> edit) {
        ObjectNode list = Fixtures.object(FIXTURE);
        ArrayNode objects = (ArrayNode) list.get("objects");
        objects.remove(1);
        edit.accept((ObjectNode) objects.get(0));
        return FakeFacts.none().with(NpmFacts.TOKENS, RecordedNpm.tokens(list));
    }

    static Stream<Arguments> verdicts() {
        return Stream.of(
                Arguments.of("recorded publish token: no expiry, any network", publishToken(t -> { }), Status.FAIL, "never expires"),
                Arguments.of("write token bypassing 2FA", publishToken(t -> t.put("expiry", "2026-06-20T00:00:00Z")
                        .put("bypass_2fa", true).putArray("cidr_whitelist").add("203.0.113.0/24")), Status.FAIL, "bypass_2fa"),
                Arguments.of("write token valid for a year", publishToken(t -> t.put("expiry", "2027-06-01T00:00:00Z")
                        .putArray("cidr_whitelist").add("203.0.113.0/24")), Status.WARN, "more than 90 days"),
                Arguments.of("short-lived write token from any network", publishToken(t -> t.put("expiry", "2026-06-08T00:00:00Z")),
                        Status.WARN, "any network"),
                Arguments.of("unused for months", publishToken(t -> t.put("readonly", true).put("accessed", "2025-12-01T00:00:00Z")),
                        Status.WARN, "not been used since 2025-12-01"),
                Arguments.of("short-lived CIDR-restricted write token", publishToken(t -> t.put("expiry", "2026-06-08T00:00:00Z")
                        .put("bypass_2fa", false).putArray("cidr_whitelist").add("203.0.113.0/24")), Status.PASS, "203.0.113.0/24"),
                Arguments.of("read-only token used last week", publishToken(t -> t.put("readonly", true)
                        .put("accessed", "2026-05-25T00:00:00Z")), Status.PASS, "cannot publish"),
                Arguments.of("expired write token", publishToken(t -> t.put("expiry", "2026-01-01T00:00:00Z")), Status.PASS, "expired"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("verdicts")
    void eachTokenIsJudgedOnItsOwn(String name, FakeFacts facts, Status expected, String says) {
        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(says);
        assertThat(finding.subject()).isEqualTo("npm token abcd12…");
    }

    @Test
    void recordedListGivesOneFindingPerTokenByKeyPrefixAndNeverTheToken() {
        List<Finding> findings = HARNESS.run(FakeFacts.none().with(NpmFacts.TOKENS, RecordedNpm.tokens(Fixtures.json(FIXTURE))));

        assertThat(findings).extracting(Finding::subject, Finding::status).containsExactly(
                tuple("npm token abcd12…", Status.FAIL), tuple("npm token abcd12…", Status.PASS));
        assertThat(findings.get(0).message()).contains("one of 1 that can publish");
        assertThat(findings.get(1).evidence()).contains(new Evidence("CIDR", "192.168.1.1/32", "GET /-/npm/v1/tokens"),
                new Evidence("access", "read-only", "GET /-/npm/v1/tokens"), new Evidence("created", "2020-08-12", "GET /-/npm/v1/tokens"));
        String everything = findings.toString();
        assertThat(everything).doesNotContain("efgh5678", "hgfe8765", "abcd1234abcd1234");
    }

    @Test
    void manyWriteTokensAddAnAccountWarning() {
        ObjectNode list = Fixtures.object(FIXTURE);
        ArrayNode objects = (ArrayNode) list.get("objects");
        for (int i = 0; i < 3; i++) {
            objects.add(((ObjectNode) objects.get(0).deepCopy()).put("key", "ffff000" + i));
        }

        List<Finding> findings = HARNESS.run(FakeFacts.none().with(NpmFacts.TOKENS, RecordedNpm.tokens(list)));

        assertThat(findings).filteredOn(f -> f.subject().equals("npm tokens")).singleElement()
                .satisfies(f -> assertThat(f.status()).isEqualTo(Status.WARN))
                .satisfies(f -> assertThat(f.message()).startsWith("4 tokens of the account can publish"));
    }

    @Test
    void revokedTokensAreIgnoredAndAnEmptyListPasses() {
        Finding finding = HARNESS.runSingle(publishToken(t -> t.put("revoked", true)));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.message()).contains("no active tokens");
    }

    @Test
    void withoutATokenOrWhenTheListFailsItIsUnknown() {
        Finding noToken = HARNESS.runSingle(FakeFacts.none().unavailable(NpmFacts.TOKENS, Cause.NO_CREDENTIAL));
        Finding failed = HARNESS.runSingle(FakeFacts.none().unavailable(NpmFacts.TOKENS,
                Unavailability.of(Cause.UNAUTHORIZED, "npm refused the credential", "a valid npm token")));

        assertThat(noToken.status()).isEqualTo(Status.UNKNOWN);
        assertThat(noToken.needed()).contains("NPM_TOKEN");
        assertThat(failed.status()).isEqualTo(Status.UNKNOWN);
        assertThat(failed.message()).isEqualTo("npm refused the credential");
    }
}
