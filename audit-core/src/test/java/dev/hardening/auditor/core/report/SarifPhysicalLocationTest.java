package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SarifPhysicalLocationTest {

    static Stream<Arguments> locations() {
        return Stream.of(
                // The demo world's workflow-injection evidence: the first workflow line wins.
                Arguments.of("github.workflow-injection", List.of("workflows read",
                        "untrusted input in a script at .github/workflows/triage.yml:9",
                        "no permissions: block at .github/workflows/triage.yml:1"), ".github/workflows/triage.yml", 9),
                Arguments.of("github.workflow-injection", List.of("cache restored in a release job at .github/workflows/release.yaml:14"),
                        ".github/workflows/release.yaml", 14),
                // Account and package findings have no file: a stable path per check.
                Arguments.of("github.org-2fa", List.of("two_factor_requirement_enabled"),
                        "maintainer-hardening-auditor/github.org-2fa", 1),
                Arguments.of("npm.tokens", List.of(), "maintainer-hardening-auditor/npm.tokens", 1),
                // A workstation path is not a file of the repository.
                Arguments.of("workstation.credentials", List.of("npm token at ~/.npmrc line 2"),
                        "maintainer-hardening-auditor/workstation.credentials", 1),
                // Path traversal in a hostile workflow name is not followed.
                Arguments.of("github.workflow-injection", List.of("script at .github/workflows/../../etc/x.yml:3"),
                        "maintainer-hardening-auditor/github.workflow-injection", 1),
                // Line 0 is not a line.
                Arguments.of("github.workflow-injection", List.of("at .github/workflows/a.yml:0"),
                        ".github/workflows/a.yml", 1));
    }

    @ParameterizedTest
    @MethodSource("locations")
    void pointsAtTheWorkflowLineOrAStablePerCheckPath(String check, List<String> labels, String uri, int line) {
        Finding finding = new Finding(check, Status.FAIL, Severity.HIGH, Stage.FORTIFY, "repo:o/r", "t", "m", "",
                labels.stream().map(l -> new Evidence(l, "v", "GET /x")).toList(), List.of(), List.of());

        assertThat(SarifPhysicalLocation.of(finding)).isEqualTo(new SarifPhysicalLocation(uri, line));
    }
}
