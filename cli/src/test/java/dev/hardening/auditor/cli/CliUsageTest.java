package dev.hardening.auditor.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class CliUsageTest {

    static Stream<Arguments> usageErrors() {
        return Stream.of(
                Arguments.of(new String[] {"audit"}, "nothing to audit"),
                Arguments.of(new String[] {"audit", "--npm-package", "x", "--fail-on", "severe"}, "--fail-on"),
                Arguments.of(new String[] {"audit", "--npm-package", "x", "--format", "pdf"}, "unknown report format"),
                Arguments.of(new String[] {"audit", "--npm-package", "x", "--check", "no.such-check"}, "unknown check"),
                Arguments.of(new String[] {"audit", "--npm-package", "x", "--github-api-url", "not a url"}, "--github-api-url"),
                Arguments.of(new String[] {"audit", "--github-token", "ghp_x"}, "Unknown option"),
                Arguments.of(new String[] {"explain", "no.such-check"}, "unknown check"),
                Arguments.of(new String[] {"frobnicate"}, "Unmatched argument"),
                Arguments.of(new String[] {"checks", "--format", "xml"}, "--format"));
    }

    @ParameterizedTest
    @MethodSource("usageErrors")
    void usage_errors_exit_2_with_one_clear_line_and_no_stack_trace(String[] args, String expected) {
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(expected);
        assertThat(run.all()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_token_file_that_does_not_exist_is_a_usage_error(@TempDir Path dir) {
        CliRun run = CliRun.of("audit", "--npm-package", "x", "--github-token-file", dir.resolve("missing").toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains("does not exist");
    }

    @Test
    void a_malformed_policy_is_a_usage_error_naming_the_file(@TempDir Path dir) throws Exception {
        Path policy = dir.resolve("policy.yaml");
        Files.writeString(policy, "roster:\n  npm: [not, a, mapping]\n");

        CliRun run = CliRun.of("audit", "--npm-package", "x", "--policy", policy.toString());

        assertThat(run.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(run.err()).contains(policy.toString()).contains("roster.npm");
    }

    @Test
    void help_and_version_exit_0() {
        assertThat(CliRun.of("--help").exitCode()).isZero();
        assertThat(CliRun.of("--version").out()).contains("maintainer-hardening-auditor");
        assertThat(CliRun.of("audit", "--help").out()).contains("--npm-package").contains("--fail-on");
    }
}
