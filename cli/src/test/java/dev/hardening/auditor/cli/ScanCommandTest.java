package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.report.JsonSchemas;
import dev.hardening.auditor.core.scan.SyntheticSecrets;
import dev.hardening.auditor.core.scan.archive.TestArchives;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ./auditor scan PATH: the pre-publish gate. */
class ScanCommandTest {
    private static final SyntheticSecrets GEN = new SyntheticSecrets(new Random(9));
    private static final String TOKEN = GEN.githubToken("ghp");

    private static Path project(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("package.json"), "{\"name\":\"p\",\"version\":\"1.0.0\"}\n");
        Files.writeString(dir.resolve("lib/index.js"), "// p\nmodule.exports = () => 1;\n");
        return dir;
    }

    private static JsonNode json(CliRun run) throws Exception {
        assertThat(JsonSchemas.errors(JsonSchemas.REPORT, run.out())).isEmpty();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void planted_secret_and_env_file_fail_the_gate_with_file_line_kind_and_no_secret(@TempDir Path dir) throws Exception {
        project(dir);
        Files.writeString(dir.resolve("lib/config.js"), "module.exports = {\n  token: '" + TOKEN + "'\n};\n");
        Files.writeString(dir.resolve(".env"), "DEBUG=1\n");

        CliRun run = CliRun.of("scan", dir.toString(), "--format", "json", "--fail-on", "medium");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        assertThat(run.all()).doesNotContain(TOKEN.substring(4));
        JsonNode report = json(run);
        assertThat(report.path("demo").asBoolean()).isFalse();
        List<String> subjects = new ArrayList<>();
        report.path("findings").forEach(f -> subjects.add(f.path("check").asText() + " " + f.path("status").asText() + " "
                + f.path("severity").asText() + " " + f.path("subject").asText()));
        assertThat(subjects).containsExactlyInAnyOrder(
                "release.leaked-secrets FAIL critical lib/config.js:2",
                "release.sensitive-files FAIL high .env");
        JsonNode secret = report.path("findings").get(0);
        assertThat(secret.path("message").asText()).contains("GitHub personal access token (classic)").contains("line 2")
                .contains("ghp_… (40 chars)").contains("checksum verified");
    }

    @Test
    void clean_project_passes_with_exit_0(@TempDir Path dir) throws Exception {
        project(dir);
        Files.writeString(dir.resolve(".env.example"), "TOKEN=\n");
        Files.writeString(dir.resolve("lib/docs.md"), "Use AKIAIOSFODNN7EXAMPLE and password = \"changeme\"\n");

        CliRun run = CliRun.of("scan", dir.toString(), "--format", "json", "--fail-on", "low");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode report = json(run);
        assertThat(report.path("summary").path("PASS").asInt()).isEqualTo(2);
        assertThat(report.path("summary").path("FAIL").asInt()).isZero();
    }

    @Test
    void without_fail_on_findings_still_exit_0(@TempDir Path dir) throws Exception {
        project(dir);
        Files.writeString(dir.resolve(".npmrc"), "//registry.npmjs.org/:_authToken=" + GEN.githubToken("npm") + "\n");

        CliRun run = CliRun.of("scan", dir.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("npm access token").contains(".npmrc");
    }

    @Test
    void hostile_archives_give_findings_never_a_crash_or_a_hang(@TempDir Path dir) throws Exception {
        Files.write(dir.resolve("bomb.tgz"), TestArchives.gzipBomb(300L << 20));
        Files.write(dir.resolve("evil.tgz"), TestArchives.of().file("../../../tmp/pwned", "x").symlink("package/l", "/etc/shadow").tgz());
        byte[] truncated = TestArchives.of().file("package/a.js", "y".repeat(50_000)).tgz();
        Files.write(dir.resolve("cut.tgz"), java.util.Arrays.copyOf(truncated, truncated.length / 3));

        CliRun run = assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                CliRun.of("scan", dir.resolve("bomb.tgz").toString(), dir.resolve("evil.tgz").toString(),
                        dir.resolve("cut.tgz").toString(), "--format", "json", "--fail-on", "high"));

        assertThat(run.exitCode()).as(run.err()).isEqualTo(1);
        String text = run.out();
        assertThat(text).contains("decompression bomb").contains("leaves the extraction directory")
                .contains("symbolic link to /etc/shadow (not followed)").contains("truncated or corrupt");
        assertThat(Files.exists(Path.of("/tmp/pwned"))).isFalse();
    }

    @Test
    void sarif_and_markdown_outputs_are_written(@TempDir Path dir) throws Exception {
        project(dir);
        Files.writeString(dir.resolve("lib/k.py"), "KEY = '" + TOKEN + "'\n");
        Path sarif = dir.resolve("out/r.sarif");

        CliRun run = CliRun.of("scan", dir.resolve("lib").toString(), "--format", "sarif", "--out", sarif.toString());

        assertThat(run.exitCode()).as(run.err()).isZero();
        String text = Files.readString(sarif, StandardCharsets.UTF_8);
        assertThat(JsonSchemas.errors(JsonSchemas.SARIF, text)).isEmpty();
        assertThat(text).contains("k.py:1").doesNotContain(TOKEN.substring(4));
        assertThat(run.err()).contains("scanned 2 files");
    }

    @Test
    void missing_path_is_a_usage_error() {
        CliRun run = CliRun.of("scan", "/nonexistent/path/xyz");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such file or directory");
    }
}
