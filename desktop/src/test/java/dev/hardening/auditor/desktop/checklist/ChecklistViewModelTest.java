package dev.hardening.auditor.desktop.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class ChecklistViewModelTest {
    private final ChecklistViewModel checklist = new ChecklistViewModel();

    @Test
    void before_a_report_the_checklist_is_empty() {
        assertThat(checklist.hasReportProperty().get()).isFalse();
        assertThat(checklist.visibleFindings()).isEmpty();
        assertThat(checklist.scoreTextProperty().get()).isEqualTo("Score –");
        assertThat(checklist.shownTextProperty().get()).isEmpty();
    }

    @Test
    void a_report_lists_every_finding_with_counts_score_and_demo_flag() {
        checklist.show(SampleReports.everyStatus(true));

        assertThat(checklist.visibleFindings()).containsExactlyElementsOf(SampleReports.EVERY_STATUS);
        for (Status status : Status.values()) {
            assertThat(checklist.countProperty(status).get()).as(status.name()).isEqualTo(1);
        }
        assertThat(checklist.demoProperty().get()).isTrue();
        assertThat(checklist.scoreProperty().get()).isEqualTo(SampleReports.everyStatus(true).score());
        assertThat(checklist.scoreTextProperty().get()).isEqualTo("Score " + checklist.scoreProperty().get() + " / 100");
        assertThat(checklist.shownTextProperty().get()).isEqualTo("6 of 6 shown");
    }

    @Test
    void a_real_report_has_no_demo_flag() {
        checklist.show(SampleReports.everyStatus(false));
        assertThat(checklist.demoProperty().get()).isFalse();
    }

    @Test
    void switching_a_status_off_hides_its_findings() {
        checklist.show(SampleReports.everyStatus(true));

        checklist.shownProperty(Status.PASS).set(false);
        checklist.shownProperty(Status.NOT_APPLICABLE).set(false);

        assertThat(checklist.visibleFindings()).extracting(Finding::status)
                .containsExactly(Status.FAIL, Status.WARN, Status.UNKNOWN, Status.ATTESTED);
        assertThat(checklist.shownTextProperty().get()).isEqualTo("4 of 6 shown");
        assertThat(checklist.findings()).hasSize(6);
    }

    @Test
    void needs_action_shows_failures_and_warnings_only() {
        checklist.show(SampleReports.everyStatus(true));

        checklist.showNeedsAction();

        assertThat(checklist.visibleFindings()).containsExactly(SampleReports.GITHUB_2FA_FAIL, SampleReports.NPM_2FA_WARN);
        assertThat(checklist.shownProperty(Status.PASS).get()).isFalse();

        checklist.showAll();
        assertThat(checklist.visibleFindings()).hasSize(6);
    }

    @Test
    void filters_survive_a_new_report() {
        checklist.showOnly(EnumSet.of(Status.UNKNOWN));

        checklist.show(SampleReports.everyStatus(true));

        assertThat(checklist.visibleFindings()).containsExactly(SampleReports.BREACH_UNKNOWN);
    }

    @Test
    void a_selection_hidden_by_a_filter_is_cleared() {
        checklist.show(SampleReports.everyStatus(true));
        checklist.selectedFindingProperty().set(SampleReports.SIGNING_KEYS_PASS);

        checklist.shownProperty(Status.FAIL).set(false);
        assertThat(checklist.selectedFindingProperty().get()).isEqualTo(SampleReports.SIGNING_KEYS_PASS);

        checklist.shownProperty(Status.PASS).set(false);
        assertThat(checklist.selectedFindingProperty().get()).isNull();
    }

    @Test
    void a_new_report_clears_the_selection() {
        checklist.show(SampleReports.everyStatus(true));
        checklist.selectedFindingProperty().set(SampleReports.GITHUB_2FA_FAIL);

        checklist.show(SampleReports.cancelled());

        assertThat(checklist.selectedFindingProperty().get()).isNull();
        assertThat(checklist.findings()).hasSize(2);
    }
}
