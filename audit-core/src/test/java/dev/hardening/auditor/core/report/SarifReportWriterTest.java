package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SARIF 2.1.0 output, validated against the official OASIS schema (src/test/resources/schema). */
class SarifReportWriterTest {
    private final SarifReportWriter writer = new SarifReportWriter(null, ReportFixtures.catalog());

    @ParameterizedTest(name = "demo={0}")
    @ValueSource(booleans = {true, false})
    void isValidAgainstTheOfficialSarifSchema(boolean demo) {
        String sarif = writer.writeToString(ReportFixtures.report(demo));

        assertThat(JsonSchemas.errors(JsonSchemas.SARIF, sarif)).isEmpty();
    }

    @Test
    void anEmptyCancelledReportIsValidSarifToo() throws IOException {
        String sarif = new SarifReportWriter().writeToString(ReportFixtures.cancelledEmpty());

        assertThat(JsonSchemas.errors(JsonSchemas.SARIF, sarif)).isEmpty();
        JsonNode run = JsonSchemas.MAPPER.readTree(sarif).get("runs").get(0);
        assertThat(run.get("results")).isEmpty();
        assertThat(run.get("invocations").get(0).get("executionSuccessful").booleanValue()).isFalse();
    }

    @Test
    void theSchemaReallyValidates() throws IOException {
        // Guards against a validator that accepts anything: break our output, expect complaints.
        ObjectNode sarif = (ObjectNode) JsonSchemas.MAPPER.readTree(writer.writeToString(ReportFixtures.report(true)));
        ObjectNode result = (ObjectNode) sarif.get("runs").get(0).get("results").get(0);
        result.put("level", "fatal");
        result.remove("message");
        sarif.put("version", "2.0.0");

        assertThat(String.join("\n", JsonSchemas.errors(JsonSchemas.SARIF, sarif)))
                .contains("level", "message", "version");
    }

    @Test
    void headerNamesTheSchemaVersionAndTool() throws IOException {
        JsonNode sarif = sarif(ReportFixtures.report(true));

        assertThat(sarif.get("$schema").textValue()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(sarif.get("version").textValue()).isEqualTo("2.1.0");
        assertThat(sarif.get("runs")).hasSize(1);
        JsonNode driver = sarif.get("runs").get(0).get("tool").get("driver");
        assertThat(driver.get("name").textValue()).isEqualTo("maintainer-hardening-auditor");
        assertThat(driver.get("version").textValue()).isEqualTo("0.1.0-test");
        assertThat(driver.get("informationUri").textValue()).startsWith("https://");
    }

    @ParameterizedTest
    @EnumSource(Status.class)
    void levelFollowsTheStatusAndDoneItemsProduceNoResult(Status status) throws IOException {
        JsonNode results = run(reportOf(ReportFixtures.finding(status, Severity.HIGH))).get("results");

        switch (status) {
            case FAIL -> assertThat(results.get(0).get("level").textValue()).isEqualTo("error");
            case WARN -> assertThat(results.get(0).get("level").textValue()).isEqualTo("warning");
            case UNKNOWN -> assertThat(results.get(0).get("level").textValue()).isEqualTo("note");
            case PASS, ATTESTED, NOT_APPLICABLE -> assertThat(results).isEmpty();
        }
    }

    @Test
    void oneRulePerDistinctCheckAndResultsPointAtTheirRule() throws IOException {
        AuditReport report = ReportFixtures.report(true);
        JsonNode run = run(report);

        List<String> ruleIds = new ArrayList<>();
        run.get("tool").get("driver").get("rules").forEach(r -> ruleIds.add(r.get("id").textValue()));
        assertThat(ruleIds).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(report.findings().stream().map(Finding::check).distinct().toList());
        long alerting = report.findings().stream().filter(f -> f.status() == Status.FAIL
                || f.status() == Status.WARN || f.status() == Status.UNKNOWN).count();
        assertThat(run.get("results")).hasSize((int) alerting);
        for (JsonNode result : run.get("results")) {
            assertThat(ruleIds.get(result.get("ruleIndex").intValue())).isEqualTo(result.get("ruleId").textValue());
        }
    }

    @Test
    void ruleCarriesDescriptionsHelpTagsAndSecuritySeverity() throws IOException {
        JsonNode rule = rule(run(ReportFixtures.report(true)), "github.2fa");

        assertThat(rule.get("name").textValue()).isEqualTo("Github2fa");
        assertThat(rule.get("shortDescription").get("text").textValue())
                .isEqualTo("Turn on two-factor authentication for GitHub");
        assertThat(rule.get("fullDescription").get("text").textValue()).contains("phished password");
        assertThat(rule.get("help").get("text").textValue()).contains("Enable 2FA", "https://github.com/settings/security");
        assertThat(rule.get("help").get("markdown").textValue())
                .contains("1. Enable 2FA", "<https://github.com/settings/security>");
        assertThat(rule.get("properties").get("tags")).extracting(JsonNode::textValue)
                .containsExactly("security", "evaluate", "github");
        assertThat(rule.get("properties").get("security-severity").textValue()).isEqualTo("8.0");

        JsonNode mfa = rule(run(ReportFixtures.report(true)), "account.mfa-method");
        assertThat(mfa.get("properties").get("tags")).extracting(JsonNode::textValue)
                .containsExactly("security", "evaluate", "github", "npm", "pypi");
    }

    @Test
    void withoutACatalogRulesAreDescribedFromTheirFindings() throws IOException {
        JsonNode run = JsonSchemas.MAPPER.readTree(new SarifReportWriter().writeToString(ReportFixtures.report(true)))
                .get("runs").get(0);

        JsonNode rule = rule(run, "compliance.snapshot-age");
        assertThat(rule.get("fullDescription").get("text").textValue()).isEqualTo("Take snapshots on the policy's cadence");
        assertThat(rule.get("help").get("markdown").textValue()).contains("`./auditor snapshot`");
        assertThat(rule.get("properties").get("tags")).extracting(JsonNode::textValue)
                .containsExactly("security", "exercise");
        assertThat(rule.get("properties").get("security-severity").textValue()).isEqualTo("9.5");
    }

    @Test
    void infoSeverityHasNoSecuritySeverity() throws IOException {
        JsonNode rule = rule(run(ReportFixtures.report(true)), "release.publish-anomalies");

        assertThat(rule.get("properties").has("security-severity")).isFalse();
    }

    @Test
    void resultCarriesLogicalLocationFingerprintAndProperties() throws IOException {
        JsonNode result = run(ReportFixtures.report(true)).get("results").get(0);

        assertThat(result.get("ruleId").textValue()).isEqualTo("github.2fa");
        assertThat(result.get("message").get("text").textValue()).startsWith("Two-factor authentication is off");
        JsonNode location = result.get("locations").get(0).get("logicalLocations").get(0);
        JsonNode file = result.get("locations").get(0).get("physicalLocation");
        assertThat(file.get("artifactLocation").get("uri").textValue()).as("code scanning requires a file")
                .isEqualTo("maintainer-hardening-auditor/github.2fa");
        assertThat(file.get("region").get("startLine").intValue()).isEqualTo(1);
        assertThat(location.get("name").textValue()).isEqualTo("github:octo" + ReportFixtures.SCRIPT);
        assertThat(result.get("partialFingerprints").get(SarifReportWriter.FINGERPRINT_KEY).textValue())
                .matches("[0-9a-f]{64}");
        JsonNode properties = result.get("properties");
        assertThat(properties.get("status").textValue()).isEqualTo("FAIL");
        assertThat(properties.get("severity").textValue()).isEqualTo("high");
        assertThat(properties.get("stage").textValue()).isEqualTo("evaluate");
        assertThat(properties.get("evidence").get(0).get("label").textValue()).isEqualTo("two_factor_authentication");
    }

    @Test
    void unknownResultSaysWhatIsNeeded() throws IOException {
        JsonNode unknown = null;
        for (JsonNode r : run(ReportFixtures.report(true)).get("results")) {
            if (r.get("ruleId").textValue().equals("npm.tokens")) {
                unknown = r;
            }
        }

        assertThat(unknown).isNotNull();
        assertThat(unknown.get("message").get("text").textValue()).endsWith("Needed: needs an npm token (NPM_TOKEN) with read access");
        assertThat(unknown.get("properties").get("needed").textValue()).startsWith("needs an npm token");
    }

    @Test
    void fingerprintIsStablePerCheckAndSubject() throws IOException {
        Finding first = ReportFixtures.finding(Status.FAIL, Severity.HIGH);
        Finding sameButReworded = first.withVerdict(Status.WARN, "Another message", "");
        Finding otherSubject = new Finding(first.check(), Status.FAIL, Severity.HIGH, first.stage(), "test:other",
                first.title(), first.message(), "", List.of(), List.of(), List.of());

        String a = fingerprint(reportOf(first));
        assertThat(fingerprint(reportOf(sameButReworded))).isEqualTo(a);
        assertThat(fingerprint(reportOf(otherSubject))).isNotEqualTo(a);
    }

    @Test
    void fingerprintsAreDistinctWithinAReport() throws IOException {
        Set<String> fingerprints = new HashSet<>();
        for (JsonNode r : run(ReportFixtures.report(true)).get("results")) {
            fingerprints.add(r.get("partialFingerprints").get(SarifReportWriter.FINGERPRINT_KEY).textValue());
        }

        assertThat(fingerprints).hasSize(run(ReportFixtures.report(true)).get("results").size());
    }

    @Test
    void runPropertiesKeepTheCountsOfEveryStatus() throws IOException {
        JsonNode properties = run(ReportFixtures.report(true)).get("properties");

        assertThat(properties.get("demo").booleanValue()).isTrue();
        assertThat(properties.get("score").intValue()).isEqualTo(ReportFixtures.report(true).score());
        assertThat(properties.get("summary").get("PASS").intValue()).isEqualTo(1);
        assertThat(properties.get("summary").get("NOT_APPLICABLE").intValue()).isEqualTo(1);
    }

    @Test
    void ruleNamesArePascalCaseIdentifiers() {
        assertThat(SarifReportWriter.ruleName("github.org-2fa")).isEqualTo("GithubOrg2fa");
        assertThat(SarifReportWriter.ruleName("release.publish-anomalies")).isEqualTo("ReleasePublishAnomalies");
    }

    private static AuditReport reportOf(Finding finding) {
        return ReportFixtures.report(false, List.of(finding));
    }

    private String fingerprint(AuditReport report) throws IOException {
        return run(report).get("results").get(0).get("partialFingerprints").get(SarifReportWriter.FINGERPRINT_KEY)
                .textValue();
    }

    private JsonNode sarif(AuditReport report) throws IOException {
        return JsonSchemas.MAPPER.readTree(writer.writeToString(report));
    }

    private JsonNode run(AuditReport report) throws IOException {
        return sarif(report).get("runs").get(0);
    }

    private static JsonNode rule(JsonNode run, String id) {
        for (JsonNode rule : run.get("tool").get("driver").get("rules")) {
            if (rule.get("id").textValue().equals(id)) {
                return rule;
            }
        }
        throw new AssertionError("no rule " + id);
    }
}
