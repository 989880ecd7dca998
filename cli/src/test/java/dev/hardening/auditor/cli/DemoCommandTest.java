package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.report.JsonSchemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The newcomer's first minute: ./auditor demo in every format. */
class DemoCommandTest {

    @Test
    void json_report_validates_and_shows_a_mix_of_checks_and_statuses(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");

        CliRun run = CliRun.of("demo", "--format", "json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String json = Files.readString(out, StandardCharsets.UTF_8);
        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, json)).isEmpty();
        JsonNode report = new ObjectMapper().readTree(json);
        assertThat(report.path("demo").asBoolean()).isTrue();
        Set<String> checks = new HashSet<>();
        Set<String> statuses = new HashSet<>();
        Set<String> stages = new HashSet<>();
        for (JsonNode f : report.path("findings")) {
            checks.add(f.path("check").asText());
            statuses.add(f.path("status").asText());
            stages.add(f.path("stage").asText());
        }
        assertThat(checks).hasSizeGreaterThanOrEqualTo(6);
        assertThat(statuses).contains("PASS", "FAIL", "WARN", "UNKNOWN");
        assertThat(stages).hasSizeGreaterThanOrEqualTo(3);
        assertThat(run.err()).contains("DEMO").contains("written to");
    }

    @Test
    void markdown_html_and_sarif_say_demo(@TempDir Path dir) throws Exception {
        for (String format : new String[] {"md", "html", "sarif"}) {
            Path out = dir.resolve("r." + format);
            CliRun run = CliRun.of("demo", "--format", format, "--out", out.toString());
            assertThat(run.exitCode()).as(format + ": " + run.err()).isZero();
            String text = Files.readString(out, StandardCharsets.UTF_8);
            assertThat(text).as(format).containsIgnoringCase("demo");
            if (format.equals("sarif")) {
                assertThat(JsonSchemas.errors(JsonSchemas.SARIF, text)).isEmpty();
            }
            if (format.equals("html")) {
                assertThat(text).doesNotContain("<script").doesNotContain("src=");
            }
        }
    }

    @Test
    void markdown_goes_to_stdout_when_no_file_is_given() {
        CliRun run = CliRun.of("demo");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("- [ ]").contains("- [x]").contains("DEMO");
    }

    @Test
    void fail_on_gives_exit_code_1_when_a_fail_is_at_or_above_the_threshold() {
        assertThat(CliRun.of("demo", "--fail-on", "high").exitCode()).isEqualTo(ExitCodes.FINDINGS);
        assertThat(CliRun.of("demo", "--fail-on", "none").exitCode()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void the_demo_tokens_never_appear_in_any_output(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");
        CliRun run = CliRun.of("demo", "--format", "json", "--out", out.toString(), "--debug");
        String everything = run.all() + Files.readString(out, StandardCharsets.UTF_8);

        assertThat(everything).doesNotContainPattern("ghp_[A-Za-z0-9]{30,}").doesNotContainPattern("npm_[A-Za-z0-9]{30,}");
    }
}
