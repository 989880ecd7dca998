package dev.hardening.auditor.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThread;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.RecordingDesktop;
import dev.hardening.auditor.desktop.testing.SampleReports;
import org.junit.jupiter.api.Test;

class MainWindowViewModelTest {
    private final RecordingDesktop desktop = new RecordingDesktop();

    private MainWindowViewModel window(FakeAuditLauncher launcher) {
        return new MainWindowViewModel(launcher, new CurrentThreadTaskExecutor(), UiThread.direct(),
                SampleReports.catalog(), desktop, desktop);
    }

    @Test
    void a_finished_run_fills_the_checklist() {
        MainWindowViewModel window = window(FakeAuditLauncher.completing());

        window.auditRun().start();

        assertThat(window.checklist().findings()).containsExactlyElementsOf(SampleReports.EVERY_STATUS);
        assertThat(window.checklist().demoProperty().get()).isTrue();
    }

    @Test
    void selecting_a_finding_fills_the_detail_and_clearing_empties_it() {
        MainWindowViewModel window = window(FakeAuditLauncher.completing());
        window.auditRun().start();

        window.checklist().selectedFindingProperty().set(SampleReports.NPM_2FA_WARN);

        assertThat(window.detail().titleProperty().get()).isEqualTo("npm two-factor authentication covers writes");
        assertThat(window.detail().whyProperty().get()).isEqualTo("Without 2FA on writes, a stolen session publishes.");

        window.checklist().selectedFindingProperty().set(null);
        assertThat(window.detail().emptyProperty().get()).isTrue();
    }

    @Test
    void a_cancelled_run_still_fills_the_checklist_with_what_finished() {
        FakeAuditLauncher launcher = FakeAuditLauncher.held();
        MainWindowViewModel window = window(launcher);
        window.auditRun().start();

        window.auditRun().cancel();

        assertThat(window.checklist().findings()).hasSize(2);
    }
}
