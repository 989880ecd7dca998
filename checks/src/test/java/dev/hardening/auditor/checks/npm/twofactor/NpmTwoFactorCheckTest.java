package dev.hardening.auditor.checks.npm.twofactor;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class NpmTwoFactorCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new NpmTwoFactorCheck());
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    static Stream<Arguments> positive() {
        return Stream.of(
                Arguments.of("recorded profile: auth-and-writes, not pending", Fixtures.json("npm/user_profile_v1_npmcli_test.json")));
    }

    static Stream<Arguments> negative() {
        return Stream.of(
                Arguments.of("tfa null (never enabled)", withTfa(JSON.nullNode()), Status.FAIL, "disabled"),
                Arguments.of("tfa false (turned off)", withTfa(JSON.booleanNode(false)), Status.FAIL, "disabled"),
                Arguments.of("auth-only", withTfa(tfa("auth-only", false)), Status.WARN, "auth-only"),
                Arguments.of("auth-and-writes still pending", withTfa(tfa("auth-and-writes", true)), Status.WARN, "auth-and-writes"),
                Arguments.of("mode npm added later", withTfa(tfa("webauthn-only", false)), Status.UNKNOWN, "unrecognised"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("positive")
    void authAndWritesPasses(String name, JsonNode profile) {
        Finding finding = HARNESS.runSingle(profile(profile));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.subject()).isEqualTo("npm:~foo");
        assertThat(finding.evidence()).containsExactly(
                new Evidence("tfa.mode", "auth-and-writes", "GET /-/npm/v1/user"),
                new Evidence("tfa.pending", "false", "GET /-/npm/v1/user"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("negative")
    void weakerSettingsAreFlagged(String name, JsonNode profile, Status expected, String mode) {
        Finding finding = HARNESS.runSingle(profile(profile));

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.evidence()).contains(new Evidence("tfa.mode", mode, "GET /-/npm/v1/user"));
    }

    @Test
    void pendingSetupSaysItIsNotActiveYet() {
        Finding finding = HARNESS.runSingle(profile(withTfa(tfa("auth-and-writes", true))));

        assertThat(finding.message()).contains("never confirmed", "not active yet");
    }

    @Test
    void noTokenIsUnknownAndAsksForAReadOnlyGranularToken() {
        FakeFacts facts = FakeFacts.none().unavailable(NpmFacts.PROFILE,
                Unavailability.of(Cause.NO_CREDENTIAL, "no npm token", "NPM_TOKEN"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
        assertThat(finding.subject()).isEqualTo("npm");
        assertThat(finding.needed()).isEqualTo("NPM_TOKEN (read-only granular token)");
    }

    @Test
    void noTokenIsUnknownForEachNamedUser() {
        FakeFacts facts = FakeFacts.none().unavailable(NpmFacts.PROFILE, Cause.NO_CREDENTIAL);

        List<Finding> findings = HARNESS.targets(targets().npmUser("foo", "bar").build()).run(facts);

        assertThat(findings).extracting(Finding::subject, Finding::status)
                .containsExactly(tuple("npm:~foo", Status.UNKNOWN), tuple("npm:~bar", Status.UNKNOWN));
    }

    @Test
    void anotherUsersAccountIsUnknownNextToTheOwnersVerdict() {
        List<Finding> findings = HARNESS.targets(targets().npmUser("FOO", "isaacs").build())
                .run(profile(Fixtures.json("npm/user_profile_v1_npmcli_test.json")));

        assertThat(findings).extracting(Finding::subject, Finding::status)
                .containsExactly(tuple("npm:~foo", Status.PASS), tuple("npm:~isaacs", Status.UNKNOWN));
        assertThat(findings.get(1).message()).contains("only to the account itself");
    }

    @Test
    void registryErrorIsUnknownWithItsReason() {
        FakeFacts facts = FakeFacts.none().unavailable(NpmFacts.PROFILE,
                Unavailability.of(Cause.UNAUTHORIZED, "the npm registry rejected the token (401)", "a valid NPM_TOKEN"));

        Finding finding = HARNESS.runSingle(facts);

        assertThat(finding.message()).isEqualTo("the npm registry rejected the token (401)");
        assertThat(finding.needed()).isEqualTo("a valid NPM_TOKEN");
    }

    private static FakeFacts profile(JsonNode profile) {
        return FakeFacts.none().with(NpmFacts.PROFILE, RecordedNpm.profile(profile));
    }

    private static JsonNode withTfa(JsonNode tfa) {
        ObjectNode profile = Fixtures.object("npm/user_profile_v1_npmcli_test.json");
        profile.set("tfa", tfa);
        return profile;
    }

    private static JsonNode tfa(String mode, boolean pending) {
        return JSON.objectNode().put("pending", pending).put("mode", mode);
    }
}
