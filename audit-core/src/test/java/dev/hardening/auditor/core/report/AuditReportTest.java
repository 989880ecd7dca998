package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.engine.AuditResult;
import dev.hardening.auditor.core.http.HostStats;
import dev.hardening.auditor.core.model.Status;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Building a report from an engine result. */
class AuditReportTest {

    @Test
    void buildsScoreSummaryAndMetadataFromTheResult() {
        AuditResult result = new AuditResult(ReportFixtures.findings(), List.of("github.2fa", "npm.tokens"),
                Instant.parse("2025-03-01T10:00:00Z"), Instant.parse("2025-03-01T10:00:02.250Z"), true);
        Map<String, HostStats> hosts = new LinkedHashMap<>();
        hosts.put("pypi.org", new HostStats(1, 1, 0, 0, 0, 0, 1));
        hosts.put("api.github.com", new HostStats(2, 2, 0, 0, 0, 0, 2));

        AuditReport report = AuditReport.of(result, List.of("github-user:octo"), true, ToolInfo.current(), hosts,
                ReportFixtures.GENERATED_AT);

        assertThat(report.schemaVersion()).isEqualTo(AuditReport.SCHEMA_VERSION);
        assertThat(report.score()).isEqualTo(Score.of(ReportFixtures.findings()));
        assertThat(report.summary()).containsOnlyKeys(Status.values())
                .containsEntry(Status.FAIL, 2).containsEntry(Status.NOT_APPLICABLE, 1);
        assertThat(report.metadata().durationMillis()).isEqualTo(2250);
        assertThat(report.metadata().cancelled()).isTrue();
        assertThat(report.metadata().requestsByHost().keySet()).containsExactly("api.github.com", "pypi.org");
    }

    @Test
    void summaryListsEveryStatusEvenWhenAbsent() {
        assertThat(AuditReport.summarize(List.of())).containsOnlyKeys(Status.values()).allSatisfy((s, n) ->
                assertThat(n).isZero());
    }
}
