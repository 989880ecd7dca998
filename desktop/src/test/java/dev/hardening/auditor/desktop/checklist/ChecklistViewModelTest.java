package dev.hardening.auditor.desktop.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.util.EnumSet;
import java.util.List;
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
        checklist.groupingProperty().set(Grouping.NONE);
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
        checklist.groupingProperty().set(Grouping.NONE);
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

        assertThat(checklist.visibleFindings()).containsExactlyInAnyOrder(SampleReports.GITHUB_2FA_FAIL,
                SampleReports.NPM_2FA_WARN);
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
    void by_stage_the_groups_follow_the_hardening_cycle_and_urgent_items_come_first() {
        checklist.show(SampleReports.everyStatus(true));

        assertThat(checklist.groups()).extracting(FindingGroup::key)
                .containsExactly("stage:recon", "stage:evaluate", "stage:fortify");
        assertThat(checklist.groups().get(1).findings()).containsExactly(SampleReports.GITHUB_2FA_FAIL,
                SampleReports.NPM_2FA_WARN, SampleReports.MFA_ATTESTED);
        assertThat(checklist.groups().get(1).header()).isEqualTo("Evaluate: how strong the accounts are — 3 items,"
                + " 2 need action");
        assertThat(checklist.visibleFindings()).containsExactly(SampleReports.BREACH_UNKNOWN,
                SampleReports.GITHUB_2FA_FAIL, SampleReports.NPM_2FA_WARN, SampleReports.MFA_ATTESTED,
                SampleReports.SIGNING_KEYS_PASS, SampleReports.PROVENANCE_NA);
    }

    @Test
    void by_account_each_account_or_package_is_a_group_and_the_workstation_is_one() {
        Finding npmrc = new Finding("workstation.credentials", Status.FAIL, Severity.CRITICAL, Stage.LIMIT,
                "workstation:~/.npmrc line 2", "Keep tokens off disk", "An npm token.", "", List.of(), List.of(), List.of());
        Finding ssh = new Finding("workstation.ssh-keys", Status.WARN, Severity.HIGH, Stage.LIMIT,
                "workstation:~/.ssh/id_rsa", "Keys are encrypted", "Unencrypted.", "", List.of(), List.of(), List.of());
        List<Finding> findings = new java.util.ArrayList<>(SampleReports.EVERY_STATUS);
        findings.add(npmrc);
        findings.add(ssh);
        checklist.groupingProperty().set(Grouping.ACCOUNT);
        checklist.show(SampleReports.report(findings, false, false));

        assertThat(checklist.groups()).extracting(FindingGroup::title).containsExactly("email:octo@example.org",
                "github:octo-demo", "npm:octo-demo", "pypi:demo-utils", "pypi:octo-demo", "workstation (this machine)");
        assertThat(checklist.groups().get(1).findings()).containsExactly(SampleReports.GITHUB_2FA_FAIL,
                SampleReports.SIGNING_KEYS_PASS);
        assertThat(checklist.groups().get(5).findings()).containsExactly(npmrc, ssh);
    }

    @Test
    void severity_filters_and_search_narrow_the_list_and_show_all_resets_them() {
        checklist.show(SampleReports.everyStatus(true));

        checklist.severityShownProperty(Severity.CRITICAL).set(false);
        assertThat(checklist.visibleFindings()).doesNotContain(SampleReports.GITHUB_2FA_FAIL).hasSize(5);

        checklist.searchProperty().set("AUTH-ONLY");
        assertThat(checklist.visibleFindings()).as("evidence is searched, case-insensitively")
                .containsExactly(SampleReports.NPM_2FA_WARN);
        checklist.searchProperty().set("pypi:");
        assertThat(checklist.visibleFindings()).containsExactly(SampleReports.MFA_ATTESTED, SampleReports.PROVENANCE_NA);
        checklist.searchProperty().set("nothing like this");
        assertThat(checklist.visibleFindings()).isEmpty();
        assertThat(checklist.groups()).isEmpty();
        assertThat(checklist.shownTextProperty().get()).isEqualTo("0 of 6 shown");

        checklist.showAll();
        assertThat(checklist.visibleFindings()).hasSize(6);
        assertThat(checklist.searchProperty().get()).isEmpty();
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
