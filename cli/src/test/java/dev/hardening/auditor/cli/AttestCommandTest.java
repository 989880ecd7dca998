package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttestCommandTest {
    @TempDir
    Path home;

    @Test
    void aDeclarationIsStoredInTheConfigurationDirectoryAndListed() throws Exception {
        Map<String, String> env = env();

        CliRun recorded = CliRun.of(env, "attest", "--platform", "npm", "--method", "security-key");
        CliRun listed = CliRun.of(env, "attest", "--list");

        assertThat(recorded.exitCode()).isZero();
        assertThat(recorded.out()).contains("Recorded: npm is protected by a hardware security key");
        Path file = home.resolve("config/maintainer-hardening-auditor/attestations.json");
        JsonNode json = new ObjectMapper().readTree(Files.readString(file));
        assertThat(json.path("mfa").path("npm").path("method").asText()).isEqualTo("security-key");
        assertThat(listed.out()).contains("npm: security-key");
        assertThat(Files.list(file.getParent())).containsExactly(file);
    }

    @Test
    void aLaterDeclarationReplacesTheEarlierOneAndOthersAreKept() throws Exception {
        Map<String, String> env = env();
        CliRun.of(env, "attest", "--platform", "github", "--method", "totp");
        CliRun.of(env, "attest", "--platform", "pypi", "--method", "passkey");

        CliRun again = CliRun.of(env, "attest", "--platform", "github", "--method", "security-key");

        assertThat(again.exitCode()).isZero();
        assertThat(CliRun.of(env, "attest", "--list").out()).contains("github: security-key", "pypi: passkey").doesNotContain("totp");
    }

    @Test
    void weakMethodsAreRecordedWithAdvice() {
        CliRun run = CliRun.of(env(), "attest", "--platform", "github", "--method", "sms");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Consider a security key or passkey");
    }

    @Test
    void unknownPlatformOrMethodIsAUsageError() {
        assertThat(CliRun.of(env(), "attest", "--platform", "gitlab", "--method", "totp").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of(env(), "attest", "--platform", "npm", "--method", "carrier-pigeon").exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(CliRun.of(env(), "attest", "--platform", "npm").exitCode()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void aCorruptFileIsReportedNotOverwritten() throws Exception {
        Path file = home.resolve("config/maintainer-hardening-auditor/attestations.json");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "{ not json");

        CliRun run = CliRun.of(env(), "attest", "--platform", "npm", "--method", "totp");

        assertThat(run.exitCode()).isEqualTo(ExitCodes.COULD_NOT_RUN);
        assertThat(run.err()).contains("not valid JSON");
        assertThat(Files.readString(file)).isEqualTo("{ not json");
    }

    @Test
    void theAuditReadsTheDeclaration() {
        Map<String, String> env = env();
        CliRun.of(env, "attest", "--platform", "npm", "--method", "security-key");

        CliRun audit = CliRun.of(env, "audit", "--npm-package", "left-pad", "--check", "account.mfa-method", "--format", "json",
                "--no-cache", "--npm-registry-url", "http://127.0.0.1:9/");

        assertThat(audit.out()).contains("\"status\": \"ATTESTED\"", "\"subject\": \"npm:you\"");
    }

    private Map<String, String> env() {
        return Map.of("HOME", home.toString(), "XDG_CONFIG_HOME", home.resolve("config").toString(),
                "APPDATA", home.resolve("config").toString());
    }
}
