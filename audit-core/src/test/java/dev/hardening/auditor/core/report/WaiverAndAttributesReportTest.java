package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.model.Waiver;
import dev.hardening.auditor.core.testing.ReportBuilder;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The additive finding fields: {@code attributes} and {@code waiver}, in every format. */
class WaiverAndAttributesReportTest {
    private static final Finding ACTIVE = ReportBuilder.finding("publishers.roster", "npm:left-pad", Status.FAIL)
            .withAttribute("publishers", List.of("alice", "mallory"))
            .withWaiver(new Waiver("alice", "Onboarding a second maintainer", LocalDate.parse("2026-09-30"), true));
    private static final Finding EXPIRED = ReportBuilder.finding("npm.2fa", "npm:~bob", Status.WARN)
            .withWaiver(new Waiver("bob", "Waiting for a key", LocalDate.parse("2026-01-31"), false));
    private static final Finding PLAIN = ReportBuilder.finding("github.2fa", "github:alice", Status.PASS);
    private static final AuditReport REPORT = ReportBuilder.report().with(ACTIVE).with(EXPIRED).with(PLAIN).build();

    @Test
    void json_carries_both_fields_validates_against_the_schema_and_reads_back() throws Exception {
        String json = render(new JsonReportWriter());

        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
        JsonNode findings = JsonSchemas.MAPPER.readTree(json).path("findings");
        assertThat(findings.get(0).path("attributes").path("publishers").toString()).isEqualTo("[\"alice\",\"mallory\"]");
        assertThat(findings.get(0).path("waiver").path("active").booleanValue()).isTrue();
        assertThat(findings.get(0).path("waiver").path("expires").asText()).isEqualTo("2026-09-30");
        assertThat(findings.get(1).path("waiver").path("active").booleanValue()).isFalse();
        assertThat(findings.get(2).has("waiver")).as("absent when there is none").isFalse();
        assertThat(findings.get(2).has("attributes")).isFalse();
        assertThat(new JsonReportReader().read(json).findings()).isEqualTo(REPORT.findings());
    }

    @Test
    void sarif_suppresses_only_an_active_waiver_and_stays_valid() throws Exception {
        String sarif = render(new SarifReportWriter());

        assertThat(JsonSchemas.errors(JsonSchemas.SARIF, sarif)).isEmpty();
        JsonNode results = JsonSchemas.MAPPER.readTree(sarif).path("runs").get(0).path("results");
        JsonNode active = results.get(0);
        assertThat(active.path("suppressions").get(0).path("kind").asText()).isEqualTo("external");
        assertThat(active.path("suppressions").get(0).path("status").asText()).isEqualTo("accepted");
        assertThat(active.path("suppressions").get(0).path("justification").asText()).contains("Onboarding", "2026-09-30");
        assertThat(results.get(1).has("suppressions")).as("expired: an open alert again").isFalse();
        assertThat(results.get(1).path("properties").path("waiver").asText()).contains("EXPIRED");
    }

    @Test
    void markdown_and_html_show_the_waiver_and_its_expiry() throws Exception {
        String md = render(new MarkdownReportWriter());
        String html = render(new HtmlReportWriter());

        assertThat(md).contains("Waived until 2026-09-30 (owner: alice): Onboarding a second maintainer")
                .contains("Waiver EXPIRED on 2026-01-31");
        assertThat(html).contains("<p class=\"waiver\">Waived until 2026-09-30 (owner: alice)")
                .contains("Waiver EXPIRED on 2026-01-31");
    }

    private static String render(ReportWriter writer) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(REPORT, out);
        return out.toString(StandardCharsets.UTF_8);
    }
}
