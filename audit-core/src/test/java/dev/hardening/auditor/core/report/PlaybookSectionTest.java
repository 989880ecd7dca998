package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.playbook.CredentialEvidence;
import dev.hardening.auditor.core.playbook.IncidentPlaybook;
import dev.hardening.auditor.core.tokens.CredentialKind;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The incident playbook section of every format: present, escaped, valid against the schema, stable on a round trip. */
class PlaybookSectionTest {
    private static final String HOSTILE_LOCATION = "~/.npmrc line 2 <script>alert(1)</script> | `x`";

    private static AuditReport report() {
        List<Finding> findings = new ArrayList<>(ReportFixtures.findings());
        findings.add(new Finding("workstation.credentials", Status.FAIL, Severity.CRITICAL, Stage.LIMIT,
                "workstation:~/.npmrc line 2", "Keep publish tokens off your disk", "An npm token is in ~/.npmrc.", "",
                CredentialEvidence.of(CredentialKind.NPM_TOKEN, HOSTILE_LOCATION, "registry.npmjs.org", true,
                        CredentialKind.NPM_TOKEN.capability(), "format valid, checksum matches", "npm_… sha256:0123456789ab",
                        "~/.npmrc line 2"), List.of(), List.of()));
        AuditReport base = ReportFixtures.report(false);
        return new AuditReport(base.schemaVersion(), base.tool(), base.generatedAt(), base.demo(), base.targets(),
                Score.of(findings), AuditReport.summarize(findings), findings, base.metadata());
    }

    @Test
    void markdownHasThePlaybookWithStepsAndEscapedData() {
        String md = new MarkdownReportWriter().writeToString(report());

        String section = md.substring(md.indexOf("## Incident playbook"), md.indexOf("## Requests"));
        assertThat(section).contains("If a release turns out to be malicious", "**npm access token**", "can publish",
                "1. Revoke the token", "<https://docs.npmjs.com/revoking-access-tokens>", "`npm token list`");
        assertThat(section).doesNotContain("<script>");
    }

    @Test
    void theStandalonePlaybookIsTheSameSectionUnderItsOwnTitle() {
        AuditReport report = report();
        String md = new MarkdownReportWriter().writeToString(report);
        String inReport = md.substring(md.indexOf("## Incident playbook"), md.indexOf("## Requests"));

        String alone = new PlaybookMarkdownWriter(null).writeToString(report);

        assertThat(alone).startsWith("# Incident playbook\n\n- Built from the audit of ").contains(inReport)
                .doesNotContain("<script>", "## Summary");
        assertThat(new PlaybookMarkdownWriter(null).writeToString(ReportFixtures.report(true))).contains("**DEMO**");
    }

    @Test
    void theStandalonePlaybookRedactsRegisteredSecrets() {
        dev.hardening.auditor.core.secrets.SecretRedactor redactor = new dev.hardening.auditor.core.secrets.SecretRedactor();
        redactor.register(dev.hardening.auditor.core.secrets.Secret.of("registry.npmjs.org"));

        assertThat(new PlaybookMarkdownWriter(redactor).writeToString(report())).contains("\\[REDACTED\\]")
                .doesNotContain("registry.npmjs.org");
    }

    @Test
    void htmlHasThePlaybookSectionEscaped() {
        String html = new HtmlReportWriter().writeToString(report());

        assertThat(html).contains("<section id=\"playbook\">", "<h2>Incident playbook</h2>",
                "href=\"https://docs.npmjs.com/revoking-access-tokens\"");
        assertThat(html).doesNotContain("<script>alert(1)</script>");
    }

    @Test
    void jsonHasThePlaybookValidAgainstTheSchema() throws Exception {
        String json = new JsonReportWriter().writeToString(report());

        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
        JsonNode credential = JsonSchemas.MAPPER.readTree(json).path("playbook").path("credentials").get(0);
        assertThat(credential.path("kind").asText()).isEqualTo("npm-token");
        assertThat(credential.path("canPublish").asBoolean()).isTrue();
        assertThat(credential.path("locations").get(0).asText()).isEqualTo(HOSTILE_LOCATION);
        assertThat(credential.path("steps").size()).isGreaterThan(1);
    }

    @Test
    void aReportReadBackGivesTheSamePlaybook() throws Exception {
        AuditReport original = report();
        AuditReport read = new JsonReportReader().read(new JsonReportWriter().writeToString(original));

        assertThat(IncidentPlaybook.from(read.findings())).isEqualTo(IncidentPlaybook.from(original.findings()));
    }

    @Test
    void anEmptyPlaybookSaysSo() {
        AuditReport empty = ReportFixtures.cancelledEmpty();

        assertThat(new MarkdownReportWriter().writeToString(empty)).contains("The audit found no packages and no credentials");
        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, new JsonReportWriter().writeToString(empty))).isEmpty();
    }
}
