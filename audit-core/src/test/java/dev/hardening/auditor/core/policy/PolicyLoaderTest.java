package dev.hardening.auditor.core.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PolicyLoaderTest {
    private static final Path EXAMPLE = Path.of("..", "docs", "policy.example.yaml");
    private static final JsonSchema SCHEMA = schema();

    @Test
    void the_commented_example_loads_with_every_rule_and_matches_the_schema() throws Exception {
        Policy p = PolicyLoader.load(EXAMPLE);

        assertThat(schemaErrors(Files.readString(EXAMPLE))).isEmpty();
        assertThat(p.rosterFor("npm:inkwell-parser")).contains(Set.of("quill-dev", "ivarga"));
        assertThat(p.rosterFor("npm:@inkwell/cli")).as("scope roster").contains(Set.of("quill-dev", "mfenn"));
        assertThat(p.rosterFor("npm:@other/cli")).isEmpty();
        assertThat(p.rosterFor("pypi:inkwell")).contains(Set.of("rquill", "petra.liskova"));
        assertThat(p.secondFactorFor("github")).contains(SecondFactorLevel.PHISHING_RESISTANT);
        assertThat(p.secondFactorFor("npm")).contains(SecondFactorLevel.APP);
        assertThat(p.maxTokenAge()).contains(Duration.ofDays(90));
        assertThat(p.minRsaBits()).hasValue(3072);
        assertThat(p.requireProvenance()).isTrue();
        assertThat(p.requireTrustedPublishing()).isTrue();
        assertThat(p.snapshotCadence()).contains(Duration.ofDays(7));
        assertThat(p.attestationPeriod()).contains(Duration.ofDays(90));
        assertThat(p.describe("tokens.max-age")).isEqualTo("policy " + EXAMPLE + " (tokens.max-age)");
        assertThat(p.waivers()).singleElement().satisfies(w -> {
            assertThat(w.check()).isEqualTo("publishers.roster");
            assertThat(w.subject()).isEqualTo("npm:inkwell-colors");
            assertThat(w.expires()).isEqualTo(LocalDate.parse("2026-09-30"));
        });
        assertThat(p.sha256()).hasSize(64);
        assertThat(p.isEmpty()).isFalse();
    }

    @Test
    void an_empty_file_is_an_empty_policy_and_the_hash_follows_the_bytes() throws Exception {
        Policy empty = PolicyLoader.parse(new byte[0], "empty.yaml");
        assertThat(empty.isEmpty()).isTrue();
        Policy a = PolicyLoader.parse("snapshots: {cadence: 7d}\n".getBytes(StandardCharsets.UTF_8), "a");
        Policy b = PolicyLoader.parse("snapshots: {cadence: 8d}\n".getBytes(StandardCharsets.UTF_8), "b");
        assertThat(a.sha256()).isNotEqualTo(b.sha256()).isNotEqualTo(empty.sha256());
    }

    static Stream<Arguments> durations() {
        return Stream.of(Arguments.of("7d", Duration.ofDays(7)), Arguments.of("12h", Duration.ofHours(12)),
                Arguments.of("2w", Duration.ofDays(14)), Arguments.of("weekly", Duration.ofDays(7)),
                Arguments.of("daily", Duration.ofDays(1)), Arguments.of("P30D", Duration.ofDays(30)),
                Arguments.of("PT36H", Duration.ofHours(36)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("durations")
    void durations_are_read_as_people_write_them(String text, Duration expected) throws Exception {
        String yaml = "snapshots:\n  cadence: " + text + "\n";
        assertThat(PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "p").snapshotCadence()).contains(expected);
        assertThat(schemaErrors(yaml)).isEmpty();
    }

    static Stream<Arguments> invalid() {
        return Stream.of(
                Arguments.of("misspelt section", "waiver:\n  - check: a.b\n", "waiver"),
                Arguments.of("misspelt key in a section", "snapshots:\n  cadense: 7d\n", "snapshots.cadense"),
                Arguments.of("unknown 2FA level", "second-factor:\n  github: sms\n", "second-factor.github"),
                Arguments.of("unknown 2FA platform", "second-factor:\n  gitlab: app\n", "second-factor.gitlab"),
                Arguments.of("bad duration", "tokens:\n  max-age: soon\n", "tokens.max-age"),
                Arguments.of("bad attestation period", "attestations:\n  max-age: forever\n", "attestations.max-age"),
                Arguments.of("misspelt key of attestations", "attestations:\n  period: 90d\n", "attestations.period"),
                Arguments.of("zero duration", "tokens:\n  max-age: 0d\n", "tokens.max-age"),
                Arguments.of("RSA bits as text", "keys:\n  min-rsa-bits: big\n", "keys.min-rsa-bits"),
                Arguments.of("provenance not a boolean", "release:\n  require-provenance: yes please\n", "release.require-provenance"),
                Arguments.of("waiver without expiry", "waivers:\n  - {check: a.b, subject: s, owner: o, justification: j}\n", "expires"),
                Arguments.of("waiver with a bad date", "waivers:\n  - {check: a.b, subject: s, owner: o, justification: j, expires: 30/09/2026}\n", "waivers[0].expires"),
                Arguments.of("waiver with a bad check id", "waivers:\n  - {check: Roster, subject: s, owner: o, justification: j, expires: 2026-09-30}\n", "waivers[0].check"),
                Arguments.of("roster not a list", "roster:\n  npm:\n    left-pad: alice\n", "roster.npm.left-pad"),
                Arguments.of("scope wildcard on PyPI", "roster:\n  pypi:\n    \"@x/*\": [a]\n", "only npm scopes"),
                Arguments.of("version 2", "version: 2\n", "version"),
                Arguments.of("not a mapping", "- a\n- b\n", "mapping"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalid")
    void invalid_policies_are_refused_naming_the_key_and_the_schema_agrees(String name, String yaml, String where) {
        assertThatThrownBy(() -> PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "team.yaml"))
                .isInstanceOf(PolicyLoader.InvalidPolicyException.class)
                .hasMessageContaining("team.yaml").hasMessageContaining(where);
        assertThat(schemaErrors(yaml)).as("the schema refuses it too").isNotEmpty();
    }

    @Test
    void extension_keys_are_allowed_and_malformed_yaml_is_a_clear_error() throws Exception {
        String yaml = "x-owner: security-team\nsnapshots:\n  cadence: 7d\n  x-note: reviewed weekly\n";
        assertThat(PolicyLoader.parse(yaml.getBytes(StandardCharsets.UTF_8), "p").snapshotCadence()).isPresent();
        assertThat(schemaErrors(yaml)).isEmpty();
        assertThatThrownBy(() -> PolicyLoader.parse("roster: [unclosed\n".getBytes(StandardCharsets.UTF_8), "p"))
                .hasMessageContaining("not valid YAML");
        assertThatThrownBy(() -> PolicyLoader.parse("a: 1\na: 2\n".getBytes(StandardCharsets.UTF_8), "p"))
                .hasMessageContaining("not valid YAML");
    }

    private static List<String> schemaErrors(String yaml) {
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            return SCHEMA.validate(node).stream().map(ValidationMessage::getMessage).toList();
        } catch (Exception e) {
            return List.of("unreadable: " + e.getMessage());
        }
    }

    private static JsonSchema schema() {
        try (InputStream in = PolicyLoaderTest.class.getResourceAsStream("/schema/policy.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
