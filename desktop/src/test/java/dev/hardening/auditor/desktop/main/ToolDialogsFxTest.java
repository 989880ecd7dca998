package dev.hardening.auditor.desktop.main;

import static dev.hardening.auditor.desktop.testing.FxWindow.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.attest.AttestationStore;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.attest.AttestationViewModel;
import dev.hardening.auditor.desktop.password.PasswordCheckViewModel;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.SampleReports;
import dev.hardening.auditor.desktop.testing.TestServices;
import dev.hardening.auditor.desktop.theme.ThemedRoot;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.control.ComboBox;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The sidebar and a second-factor finding open the real dialogs, styled like the window. */
@ExtendWith(ApplicationExtension.class)
class ToolDialogsFxTest {
    private static final Finding MFA_UNKNOWN = new Finding("account.mfa-method", Status.UNKNOWN, Severity.CRITICAL,
            Stage.EVALUATE, "npm:octo-demo", "Second factor resists phishing", "Nothing declared for npm.",
            "your declaration", List.of(new Evidence("declared", "nothing", "attestation")), List.of(), List.of());

    private final AtomicInteger passwordChecks = new AtomicInteger();
    private FxWindow window;
    private FxToolDialogs dialogs;

    @Start
    void start(javafx.stage.Stage stage) {
        List<Finding> findings = new java.util.ArrayList<>(SampleReports.EVERY_STATUS);
        findings.add(MFA_UNKNOWN);
        TestServices services = new TestServices(new FakeAuditLauncher(SampleReports.report(findings, true, false),
                List.of()));
        window = new FxWindow(services);
        // The window is built first, so the dialogs can follow its appearance.
        window.show(stage, 1100, 720, new ToolDialogs() {
            @Override
            public void openPasswordCheck() {
                dialogs.openPasswordCheck();
            }

            @Override
            public void openAttestation(Platform platform) {
                dialogs.openAttestation(platform);
            }
        });
        dialogs = new FxToolDialogs(stage, () -> new PasswordCheckViewModel(password -> {
            passwordChecks.incrementAndGet();
            return new PwnedPassword(0, 1);
        }, window.tasks, result -> Optional.empty()),
                () -> new AttestationViewModel(AttestationStore.fixed(Attestations.none()), window.tasks, Clock.systemUTC()),
                window.viewModel.appearance());
    }

    @AfterEach
    void stop() {
        window.stop();
    }

    @Test
    void the_sidebar_opens_the_password_check_which_explains_what_leaves_the_machine(FxRobot robot) {
        robot.clickOn("#openPasswordCheck");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(robot.lookup("#passwordExplanation").queryLabeled().getText())
                .contains("k-anonymity", "Only the first 5 of the hash", "not stored, logged or sent");
        assertThat(dialogs.passwordDialog().getDialogPane().getStylesheets()).contains(ThemedRoot.stylesheet());

        robot.clickOn("#passwordField").write("correct horse battery staple").type(KeyCode.ENTER);
        FxWindowWait.until(() -> !robot.lookup("#passwordResult").queryLabeled().getText().isEmpty()
                && !robot.lookup("#passwordResult").queryLabeled().getText().startsWith("Checking"));
        assertThat(passwordChecks).hasValue(1);
        assertThat(robot.lookup("#passwordStatus").queryLabeled().getText()).isEqualTo("✔ PASS");
    }

    @Test
    @SuppressWarnings("unchecked")
    void a_second_factor_item_opens_the_declaration_for_its_platform(FxRobot robot) throws Exception {
        robot.clickOn("#tryDemo");
        FxWindow.waitUntil(() -> rows(robot).size() == 7);
        robot.interact(() -> window.viewModel.checklist().selectedFindingProperty().set(MFA_UNKNOWN));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#declareSecondFactor");
        WaitForAsyncUtils.waitForFxEvents();

        ComboBox<Platform> platform = robot.lookup("#attestPlatform").queryAs(ComboBox.class);
        assertThat(platform.getValue()).isEqualTo(Platform.NPM);
        assertThat(robot.lookup("#attestRecord").tryQuery()).isPresent();
    }

    /** Waits for the FX thread. */
    private static final class FxWindowWait {
        static void until(java.util.concurrent.Callable<Boolean> condition) {
            try {
                FxWindow.waitUntil(condition);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("timed out", e);
            }
        }
    }
}
