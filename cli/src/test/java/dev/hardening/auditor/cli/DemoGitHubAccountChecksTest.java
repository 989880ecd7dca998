package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo world gives the GitHub account and organisation checks the verdicts demo/WORLD.md designs. */
class DemoGitHubAccountChecksTest {

    @Test
    void accountAndOrganisationChecksShowPassWarnAndFail(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("r.json");

        CliRun run = CliRun.of("demo", "--format", "json", "--out", out.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String json = Files.readString(out, StandardCharsets.UTF_8);
        Map<String, String> verdicts = new TreeMap<>();
        for (JsonNode f : new ObjectMapper().readTree(json).path("findings")) {
            String check = f.path("check").asText();
            if (check.equals("github.commit-email-exposure") || check.equals("github.org-2fa")
                    || check.equals("github.signing-keys") || check.equals("github.signed-commits")) {
                verdicts.put(check + " " + f.path("subject").asText(), f.path("status").asText());
            }
        }
        assertThat(verdicts).containsOnly(
                entry("github.commit-email-exposure github:quill-dev", "FAIL"),
                entry("github.org-2fa github-org:inkwell-tools", "FAIL"),
                entry("github.signing-keys github:quill-dev", "WARN"),
                entry("github.signed-commits github:quill-dev", "PASS"));
        // The exposed address is shown masked, never in full.
        assertThat(json).contains("r***@gmail.com").doesNotContain("robin.quill.dev@gmail.com");
    }
}
