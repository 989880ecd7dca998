package dev.hardening.auditor.desktop.main;

import static dev.hardening.auditor.desktop.testing.FxWindow.rows;
import static dev.hardening.auditor.desktop.testing.FxWindow.texts;
import static dev.hardening.auditor.desktop.testing.FxWindow.tree;
import static dev.hardening.auditor.desktop.testing.FxWindow.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.desktop.audit.AuditHandle;
import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.audit.BackgroundOnlyAuditLauncher;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.SampleReports;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeTableCell;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window, headless under Monocle, with a fake launcher: the app's own threading
 * (FxTaskExecutor, FxUiThread, the off-UI-thread guards) is used as in production. Covers the
 * Welcome → Run → Checklist path by mouse and by keyboard.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    private static final String WARN_TITLE = "npm two-factor authentication covers writes";

    private final FakeAuditLauncher launcher = FakeAuditLauncher.completing();
    private final BackgroundOnlyAuditLauncher guarded = BackgroundOnlyAuditLauncher.offFxThread(launcher);
    private FxWindow window;
    private Thread fxThread;

    @Start
    void start(Stage stage) {
        fxThread = Thread.currentThread();
        window = new FxWindow(new TestServices(guarded)).show(stage, 1100, 720, ToolDialogs.none());
    }

    @AfterEach
    void stop() {
        window.stop();
    }

    @Test
    void the_window_opens_on_welcome_with_every_screen_in_the_sidebar(FxRobot robot) {
        assertThat(robot.lookup("#setupScreen").tryQuery()).isPresent();
        assertThat(robot.lookup("#tryDemo").queryButton().isFocused()).as("the demo button has the focus").isTrue();
        for (Screen screen : Screen.values()) {
            ToggleButton nav = robot.lookup("#nav-" + screen.id()).queryAs(ToggleButton.class);
            assertThat(nav.getText()).isEqualTo(screen.label());
            assertThat(nav.isMnemonicParsing()).isTrue();
        }
        assertThat(robot.lookup("#nav-setup").queryAs(ToggleButton.class).isSelected()).isTrue();
        assertThat(robot.lookup("#demoBanner").queryAs(Label.class).isVisible()).isFalse();
        assertThat(window.viewModel.checklist().findings()).isEmpty();
        assertThat(robot.lookup("#checklist").tryQuery()).as("only the screen on show is in the scene").isEmpty();
    }

    @Test
    void try_the_demo_runs_in_the_background_and_opens_the_checklist(FxRobot robot) throws TimeoutException {
        robot.clickOn("#tryDemo");
        waitUntil(() -> rows(robot).size() == 6);

        assertThat(window.viewModel.screenProperty().get()).isEqualTo(Screen.CHECKLIST);
        assertThat(rows(robot)).containsExactlyInAnyOrderElementsOf(SampleReports.EVERY_STATUS);
        assertThat(robot.lookup("#demoBanner").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#score").queryLabeled().getText())
                .isEqualTo("Score " + SampleReports.everyStatus(true).score() + " / 100");
        assertThat(robot.lookup("#statusLine").queryLabeled().getText()).isEqualTo("Done: 6 checks, 6 findings in 1.2 s.");
        assertThat(statusCell(robot, "status-fail").getText()).isEqualTo("✖ FAIL");
        assertThat(statusCell(robot, "status-not-applicable").getText()).isEqualTo("– N/A");

        List<Thread> threads = launcher.startThreads();
        assertThat(threads).hasSize(1);
        assertThat(threads.get(0)).isNotSameAs(fxThread);
        assertThat(threads.get(0).getName()).startsWith(FxTaskExecutor.THREAD_PREFIX);
        assertThat(guarded.eventsOnUiThread()).isZero();
        assertThat(guarded.events()).isEqualTo(4);
    }

    @Test
    void selecting_a_row_shows_evidence_remediation_and_opens_the_exact_settings_page(FxRobot robot) throws TimeoutException {
        robot.clickOn("#tryDemo");
        waitUntil(() -> rows(robot).size() == 6);

        robot.clickOn(cell(robot, WARN_TITLE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(texts(robot, "#detail")).contains(
                "⚠ WARN", WARN_TITLE, "npm:octo-demo",
                "2FA protects sign-in only; publishing needs no second factor.",
                "_Open settings page",
                "Evidence", "tfa.mode", "auth-only", "GET /-/npm/v1/user",
                "Why it matters", "Without 2FA on writes, a stolen session publishes.",
                "How to fix", "1. Require 2FA for publishing too", "https://www.npmjs.com/settings/~/tfa",
                "npm profile enable-2fa auth-and-writes",
                "References", "npm Docs: Configuring two-factor authentication");

        robot.clickOn(robot.lookup("#detail .copy-command").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.services.desktop.copied()).containsExactly("npm profile enable-2fa auth-and-writes");

        robot.clickOn("#openSettings");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.services.desktop.opened()).containsExactly("https://www.npmjs.com/settings/~/tfa");
    }

    @Test
    void the_keyboard_reaches_every_screen_and_moves_through_the_checklist(FxRobot robot) throws TimeoutException {
        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> rows(robot).size() == 6);

        for (Screen screen : Screen.values()) {
            KeyCode digit = KeyCode.valueOf("DIGIT" + screen.number());
            robot.press(KeyCode.CONTROL, digit).release(digit, KeyCode.CONTROL);
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(window.viewModel.screenProperty().get()).isEqualTo(screen);
            assertThat(robot.lookup("#" + screen.id() + "Screen").tryQuery()).as(screen.name()).isPresent();
        }
        // Mnemonics: Alt + the underlined letter of the sidebar.
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel.screenProperty().get()).isEqualTo(Screen.TEAM);
        robot.press(KeyCode.ALT, KeyCode.C).release(KeyCode.C, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel.screenProperty().get()).isEqualTo(Screen.CHECKLIST);

        // The checklist has the focus: arrows move from row to row, the detail follows.
        assertThat(tree(robot).isFocused()).isTrue();
        robot.interact(() -> tree(robot).getSelectionModel().select(tree(robot).getRoot().getChildren().get(1).getChildren().get(0)));
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel.checklist().selectedFindingProperty().get()).isEqualTo(SampleReports.NPM_2FA_WARN);
        assertThat(texts(robot, "#detail")).contains(WARN_TITLE);

        // Ctrl+F finds.
        robot.press(KeyCode.CONTROL, KeyCode.F).release(KeyCode.F, KeyCode.CONTROL);
        robot.write("signing");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(rows(robot)).containsExactly(SampleReports.SIGNING_KEYS_PASS);
    }

    @Test
    void cancel_stops_at_once_and_keeps_what_finished(FxRobot robot) throws TimeoutException {
        launcher.holdUntilCancelled();
        robot.clickOn("#tryDemo");
        waitUntil(() -> !robot.lookup("#runCancel").queryButton().isDisabled());
        assertThat(robot.lookup("#runScreen").tryQuery()).isPresent();

        robot.clickOn("#runCancel");
        waitUntil(() -> robot.lookup("#runStatus").queryLabeled().getText().startsWith("Cancelled:"));

        assertThat(launcher.cancels()).isEqualTo(1);
        assertThat(launcher.cancelThreads()).doesNotContain(fxThread);
        assertThat(window.viewModel.checklist().findings()).hasSize(2);
        assertThat(robot.lookup("#runCancel").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#runOpenChecklist").queryButton().isDisabled()).isFalse();
    }

    @Test
    void escape_cancels_and_ctrl_r_runs_again(FxRobot robot) throws TimeoutException {
        launcher.holdUntilCancelled();

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> !robot.lookup("#runCancel").queryButton().isDisabled());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#runStatus").queryLabeled().getText().startsWith("Cancelled:"));

        assertThat(launcher.starts()).isEqualTo(1);
        assertThat(launcher.cancels()).isEqualTo(1);
    }

    @Test
    void the_guard_refuses_to_start_an_audit_on_the_fx_thread() {
        FakeAuditLauncher unguarded = FakeAuditLauncher.completing();
        AuditLauncher guard = BackgroundOnlyAuditLauncher.offFxThread(unguarded);

        CompletableFuture<AuditHandle> started = onFxThread(() -> guard.start(ProgressListener.NONE));

        assertThatThrownBy(() -> started.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UI thread");
        assertThat(unguarded.starts()).isZero();
    }

    private static <T> CompletableFuture<T> onFxThread(Callable<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    private static TreeTableCell<?, ?> statusCell(FxRobot robot, String styleClass) {
        return robot.lookup(".tree-table-cell." + styleClass).queryAs(TreeTableCell.class);
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup((Node node) -> node instanceof TreeTableCell<?, ?> cell && text.equals(cell.getText())).query();
    }
}
