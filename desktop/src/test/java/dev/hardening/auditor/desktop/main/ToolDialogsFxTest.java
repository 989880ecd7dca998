package dev.hardening.auditor.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.attest.AttestationStore;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.desktop.attest.AttestationView;
import dev.hardening.auditor.desktop.attest.AttestationViewModel;
import dev.hardening.auditor.desktop.audit.BackgroundOnlyAuditLauncher;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.FxUiThread;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.RecordingDesktop;
import dev.hardening.auditor.desktop.password.PasswordCheckView;
import dev.hardening.auditor.desktop.password.PasswordCheckViewModel;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The toolbar opens the password check and the second-factor declaration. */
@ExtendWith(ApplicationExtension.class)
class ToolDialogsFxTest {
    private final AtomicInteger passwordChecks = new AtomicInteger();
    private final AtomicInteger attestations = new AtomicInteger();
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        RecordingDesktop desktop = new RecordingDesktop();
        MainWindowViewModel vm = new MainWindowViewModel(BackgroundOnlyAuditLauncher.offFxThread(FakeAuditLauncher.completing()),
                tasks, new FxUiThread(), SampleReports.catalog(), desktop, desktop);
        MainWindowView view = new MainWindowView(vm, () -> {
            passwordChecks.incrementAndGet();
            PasswordCheckView.dialog(new PasswordCheckViewModel(pw -> new PwnedPassword(0, 1), tasks, r -> Optional.empty()),
                    stage).show();
        }, () -> {
            attestations.incrementAndGet();
            AttestationView.dialog(new AttestationViewModel(AttestationStore.fixed(Attestations.none()), tasks, Clock.systemUTC()),
                    stage).show();
        });
        stage.setScene(view.createScene(1100, 700));
        stage.show();
    }

    @AfterEach
    void stop() {
        tasks.shutdown();
    }

    @Test
    void theToolbarButtonsOpenTheirDialogs(FxRobot robot) {
        robot.clickOn("#openPasswordCheck");
        robot.clickOn("#openAttestation");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(passwordChecks.get()).isEqualTo(1);
        assertThat(attestations.get()).isEqualTo(1);
        assertThat(robot.lookup("#passwordField").tryQuery()).isPresent();
        assertThat(robot.lookup("#attestPlatform").tryQuery()).isPresent();
    }
}
