package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The demo world's designed verdicts for the exposure checks (demo/WORLD.md), and its incident playbook. */
class DemoExposureVerdictsTest {

    @Test
    void theDemoShowsAMixOfVerdictsForTheExposureChecks() throws Exception {
        JsonNode report = new ObjectMapper().readTree(CliRun.of("demo", "--format", "json").out());

        Map<String, String> verdicts = new LinkedHashMap<>();
        for (JsonNode f : report.path("findings")) {
            String check = f.path("check").asText();
            if (check.startsWith("workstation.") || check.equals("account.mfa-method") || check.equals("password.pwned")) {
                verdicts.put(check + " " + f.path("subject").asText(), f.path("status").asText());
            }
        }

        assertThat(verdicts).contains(
                entry("account.mfa-method github:quill-dev", "ATTESTED"),
                entry("account.mfa-method npm:quill-dev", "WARN"),
                entry("account.mfa-method pypi:you", "UNKNOWN"),
                entry("password.pwned password", "NOT_APPLICABLE"),
                entry("workstation.credentials workstation:~/.npmrc line 2", "FAIL"),
                entry("workstation.credentials workstation:~/.aws/credentials line 3", "WARN"),
                entry("workstation.ssh-keys workstation:~/.ssh/id_ed25519", "FAIL"),
                entry("workstation.ssh-keys workstation:~/.ssh/id_ed25519_sk", "PASS"));
        assertThat(verdicts.keySet()).noneMatch(k -> k.contains("line 3") && k.contains(".npmrc"));
        assertThat(report.path("playbook").path("credentials").size()).isGreaterThanOrEqualTo(4);
        assertThat(report.path("playbook").path("packages").size()).isEqualTo(5);
    }
}
