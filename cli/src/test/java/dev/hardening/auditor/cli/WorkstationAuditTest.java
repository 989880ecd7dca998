package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.workstation.PlantedHome;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code audit --workstation} on a planted home: every credential found with its kind and place, no
 * decoy reported as a token, and no secret in any output format.
 */
class WorkstationAuditTest {
    @TempDir
    Path root;

    @ParameterizedTest
    @ValueSource(strings = {"md", "json", "html", "sarif"})
    void noSecretReachesAnyFormat(String format) {
        PlantedHome planted = PlantedHome.everything(root);

        CliRun run = audit(planted, "--format", format);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.OK);
        for (String secret : PlantedHome.secrets()) {
            assertThat(run.all()).as("a planted secret in the %s output", format).doesNotContain(secret);
        }
    }

    @Test
    void everyCredentialIsReportedWithItsKindAndPlace() {
        PlantedHome planted = PlantedHome.everything(root);

        String json = audit(planted, "--format", "json").out();

        assertThat(json).contains("\"subject\": \"workstation:~/.npmrc line 2\"", "npm access token (npm-token)",
                "\"subject\": \"workstation:~/.pypirc line 8\"", "PyPI API token (pypi-token)",
                "\"subject\": \"workstation:~/.config/gh/hosts.yml line 3\"", "(github-oauth-token)",
                "\"subject\": \"workstation:~/.git-credentials line 1\"", "(github-classic-pat)",
                "\"subject\": \"workstation:~/.aws/credentials line 3\"", "(aws-long-lived-key)",
                "\"subject\": \"workstation:~/.docker/config.json line 5\"", "(docker-registry-auth)",
                "\"subject\": \"workstation:environment variable NPM_TOKEN\"",
                "\"subject\": \"workstation:~/.ssh/id_ed25519\"", "\"subject\": \"workstation:~/.ssh/id_dsa\"");
        assertThat(json).doesNotContain("\"subject\": \"workstation:~/.npmrc line 4\"")
                .doesNotContain("\"subject\": \"workstation:environment variable GH_TOKEN\"")
                .doesNotContain("\"subject\": \"workstation:~/.aws/credentials line 12\"");
        assertThat(json).contains("\"playbook\"");
    }

    @Test
    void theIncidentPlaybookListsPublishCapableCredentialsFirstWithRotationSteps() {
        String md = audit(PlantedHome.everything(root), "--format", "md").out();

        assertThat(md).contains("## Incident playbook");
        int npm = md.indexOf("npm access token", md.indexOf("## Incident playbook"));
        int aws = md.indexOf("AWS long-lived access key", md.indexOf("## Incident playbook"));
        assertThat(npm).isPositive().isLessThan(aws);
        assertThat(md.substring(md.indexOf("## Incident playbook"))).contains("https://docs.npmjs.com/revoking-access-tokens");
    }

    @Test
    void withoutTheFlagTheHomeIsNotRead() {
        PlantedHome planted = PlantedHome.everything(root);
        Map<String, String> env = new HashMap<>(planted.env);
        env.put("HOME", planted.home.toString());

        CliRun run = CliRun.of(env, "audit", "--email", "a@example.org", "--check", "workstation.credentials", "--format", "json",
                "--no-cache", "--rdap-url", "http://127.0.0.1:9/", "--hibp-url", "http://127.0.0.1:9/");

        assertThat(run.out()).doesNotContain("npm-token").contains("\"check\": \"workstation.credentials\"", "--workstation");
    }

    private static CliRun audit(PlantedHome planted, String... more) {
        Map<String, String> env = new HashMap<>(planted.env);
        env.put("HOME", planted.home.toString());
        env.put("PWD", planted.project.toString());
        env.put("XDG_CONFIG_HOME", planted.home.resolve(".config").toString());
        String[] base = {"audit", "--workstation", "--check", "workstation.credentials", "--check", "workstation.ssh-keys", "--no-cache"};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return CliRun.of(env, args);
    }
}
