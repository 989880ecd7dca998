package dev.hardening.auditor.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.setup.AuditPlan;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.SampleReports;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The window's view models wired together, on the test thread without a toolkit. */
class MainWindowViewModelTest {

    @Test
    void the_demo_fills_the_checklist_team_and_export_and_keeps_an_illustrative_history() {
        TestServices services = new TestServices(FakeAuditLauncher.completing());
        MainWindowViewModel window = new MainWindowViewModel(services.build());
        assertThat(window.screenProperty().get()).isEqualTo(Screen.SETUP);

        window.tryDemo();

        assertThat(window.checklist().findings()).containsExactlyInAnyOrderElementsOf(SampleReports.EVERY_STATUS);
        assertThat(window.worldProperty().get()).isEqualTo(World.DEMO);
        assertThat(window.screenProperty().get()).as("a completed audit opens the checklist").isEqualTo(Screen.CHECKLIST);
        assertThat(window.export().reportProperty().get()).isNotNull();
        assertThat(services.demoArchive.list()).as("two illustrative earlier snapshots and today's").hasSize(3);
        assertThat(services.realArchive.list()).as("the demo never writes the user's database").isEmpty();
        assertThat(window.history().snapshots()).hasSize(3);
        assertThat(window.history().diff()).isNotEmpty();
        assertThat(window.export().snapshotIdProperty().get()).isEqualTo(3L);
        assertThat(window.snapshotMessageProperty().get()).startsWith("Kept as snapshot 3 in the demo database");
    }

    @Test
    void a_real_audit_runs_the_plan_of_the_setup_screen_and_is_kept_in_the_real_database() {
        List<AuditPlan> plans = new ArrayList<>();
        FakeAuditLauncher real = new FakeAuditLauncher(SampleReports.everyStatus(false), List.of());
        TestServices services = new TestServices(FakeAuditLauncher.completing());
        services.realLauncher = plan -> {
            plans.add(plan);
            return real;
        };
        MainWindowViewModel window = new MainWindowViewModel(services.build());
        window.setup().githubUsersProperty().set("octo-demo, octo-demo another");
        window.setup().npmPackagesProperty().set("@octo/cli");

        assertThat(window.runAudit()).isTrue();

        assertThat(plans).hasSize(1);
        assertThat(plans.get(0).targets().githubUsers()).containsExactly("octo-demo", "another");
        assertThat(plans.get(0).targets().npmPackages()).containsExactly("@octo/cli");
        assertThat(window.auditRun().runLabelProperty().get())
                .isEqualTo("Auditing github-user:octo-demo, github-user:another, npm-package:@octo/cli");
        assertThat(window.worldProperty().get()).isEqualTo(World.REAL);
        assertThat(services.realArchive.list()).hasSize(1);
        assertThat(services.demoArchive.list()).isEmpty();
        assertThat(services.preferences.load().githubUsers()).as("targets are remembered").isEqualTo("octo-demo, octo-demo another");
    }

    @Test
    void nothing_to_audit_stays_on_setup_with_the_reason() {
        TestServices services = new TestServices(FakeAuditLauncher.completing());
        List<AuditPlan> plans = new ArrayList<>();
        services.realLauncher = plan -> {
            plans.add(plan);
            return (AuditLauncher) listener -> null;
        };
        MainWindowViewModel window = new MainWindowViewModel(services.build());
        window.screenProperty().set(Screen.HISTORY);

        assertThat(window.runAudit()).isFalse();

        assertThat(plans).isEmpty();
        assertThat(window.screenProperty().get()).isEqualTo(Screen.SETUP);
        assertThat(window.setup().messageProperty().get()).startsWith("Nothing to audit yet");
    }

    @Test
    void selecting_a_finding_fills_the_detail_and_clearing_empties_it() {
        MainWindowViewModel window = new MainWindowViewModel(new TestServices(FakeAuditLauncher.completing()).build());
        window.tryDemo();

        window.checklist().selectedFindingProperty().set(SampleReports.NPM_2FA_WARN);

        assertThat(window.detail().titleProperty().get()).isEqualTo("npm two-factor authentication covers writes");
        assertThat(window.detail().whyProperty().get()).isEqualTo("Without 2FA on writes, a stolen session publishes.");
        window.checklist().selectedFindingProperty().set(null);
        assertThat(window.detail().emptyProperty().get()).isTrue();
    }

    @Test
    void a_cancelled_run_keeps_what_finished_but_no_snapshot_and_stays_on_the_run_screen() {
        TestServices services = new TestServices(FakeAuditLauncher.held());
        MainWindowViewModel window = new MainWindowViewModel(services.build());
        window.tryDemo();
        assertThat(window.screenProperty().get()).isEqualTo(Screen.RUN);

        window.auditRun().cancel();

        assertThat(window.checklist().findings()).hasSize(2);
        assertThat(window.screenProperty().get()).isEqualTo(Screen.RUN);
        assertThat(services.demoArchive.list()).isEmpty();
        assertThat(window.snapshotMessageProperty().get()).isEqualTo("A cancelled audit is not kept as a snapshot.");
    }

    @Test
    void a_first_launch_opens_on_the_demo_and_a_later_one_on_the_remembered_setup() {
        FakeAuditLauncher demo = FakeAuditLauncher.completing();
        MainWindowViewModel first = new MainWindowViewModel(new TestServices(demo).build());
        first.tryDemoOnFirstLaunch();
        assertThat(demo.starts()).isEqualTo(1);
        assertThat(first.worldProperty().get()).isEqualTo(World.DEMO);

        FakeAuditLauncher unused = FakeAuditLauncher.completing();
        TestServices services = new TestServices(unused);
        services.preferences = dev.hardening.auditor.desktop.setup.SetupPreferences.inMemory(
                new dev.hardening.auditor.desktop.setup.SetupFields("quill-dev", "", "", "", "", "", "", false, ""));
        MainWindowViewModel later = new MainWindowViewModel(services.build());
        later.load();
        later.tryDemoOnFirstLaunch();
        assertThat(unused.starts()).isZero();
        assertThat(later.screenProperty().get()).isEqualTo(Screen.SETUP);
        assertThat(later.setup().githubUsersProperty().get()).isEqualTo("quill-dev");
    }

    @Test
    void run_again_repeats_the_last_audit_or_starts_the_demo() {
        FakeAuditLauncher demo = FakeAuditLauncher.completing();
        MainWindowViewModel window = new MainWindowViewModel(new TestServices(demo).build());

        window.runAgain();
        window.runAgain();

        assertThat(demo.starts()).isEqualTo(2);
        assertThat(window.worldProperty().get()).isEqualTo(World.DEMO);
    }
}
