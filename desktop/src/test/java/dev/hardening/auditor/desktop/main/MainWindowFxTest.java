package dev.hardening.auditor.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.desktop.audit.AuditHandle;
import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.audit.BackgroundOnlyAuditLauncher;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.FxUiThread;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.RecordingDesktop;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Callable;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
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
 * The real window, headless under Monocle, with a fake launcher: the app's own wiring
 * (FxTaskExecutor, FxUiThread, the off-FX-thread guard) is used as in production.
 */
@ExtendWith(ApplicationExtension.class)
class MainWindowFxTest {
    private static final String WARN_TITLE = "npm two-factor authentication covers writes";

    private final FakeAuditLauncher launcher = FakeAuditLauncher.completing();
    private final RecordingDesktop desktop = new RecordingDesktop();
    private FxTaskExecutor tasks;
    private Thread fxThread;

    @Start
    void start(Stage stage) {
        fxThread = Thread.currentThread();
        tasks = new FxTaskExecutor();
        MainWindowViewModel viewModel = new MainWindowViewModel(BackgroundOnlyAuditLauncher.offFxThread(launcher),
                tasks, new FxUiThread(), SampleReports.catalog(), desktop, desktop);
        MainWindowView view = new MainWindowView(viewModel);
        stage.setScene(view.createScene(1100, 700));
        stage.show();
        view.focusChecklist();
    }

    @AfterEach
    void stopTasks() {
        tasks.shutdown();
    }

    @Test
    void the_window_opens_ready_to_run(FxRobot robot) {
        assertThat(button(robot, "#runDemo").isDisabled()).isFalse();
        assertThat(button(robot, "#runDemo").getText()).isEqualTo("_Run demo audit");
        assertThat(button(robot, "#cancel").isDisabled()).isTrue();
        assertThat(robot.lookup("#demoBanner").queryAs(Label.class).isVisible()).isFalse();
        assertThat(table(robot).getItems()).isEmpty();
        assertThat(detailTexts(robot)).containsExactly("Select a finding to see its evidence and how to fix it.");
    }

    @Test
    void running_the_demo_fills_the_checklist(FxRobot robot) throws TimeoutException {
        robot.clickOn("#runDemo");
        waitUntil(() -> table(robot).getItems().size() == 6);

        assertThat(table(robot).getItems()).containsExactlyElementsOf(SampleReports.EVERY_STATUS);
        assertThat(robot.lookup("#demoBanner").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#score").queryLabeled().getText())
                .isEqualTo("Score " + SampleReports.everyStatus(true).score() + " / 100");
        assertThat(robot.lookup("#statusLine").queryLabeled().getText()).isEqualTo("Done: 6 checks, 6 findings in 1.2 s.");
        assertThat(robot.lookup(".table-cell.status-fail").queryLabeled().getText()).isEqualTo("✖ FAIL");
        assertThat(robot.lookup(".table-cell.status-not-applicable").queryLabeled().getText()).isEqualTo("– N/A");

        robot.clickOn("#filter-status-pass");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getItems()).hasSize(5).doesNotContain(SampleReports.SIGNING_KEYS_PASS);
    }

    @Test
    void selecting_a_row_shows_evidence_and_remediation(FxRobot robot) throws TimeoutException {
        robot.clickOn("#runDemo");
        waitUntil(() -> table(robot).getItems().size() == 6);

        robot.clickOn(cell(robot, WARN_TITLE));
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(detailTexts(robot)).contains(
                "⚠ WARN", WARN_TITLE, "npm:octo-demo",
                "2FA protects sign-in only; publishing needs no second factor.",
                "Evidence", "tfa.mode", "auth-only", "GET /-/npm/v1/user",
                "Why it matters", "Without 2FA on writes, a stolen session publishes.",
                "How to fix", "1. Require 2FA for publishing too", "https://www.npmjs.com/settings/~/tfa",
                "npm profile enable-2fa auth-and-writes",
                "References", "npm Docs: Configuring two-factor authentication");

        robot.clickOn(robot.lookup("#detail .copy-command").queryButton());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desktop.copied()).containsExactly("npm profile enable-2fa auth-and-writes");

        robot.clickOn("https://www.npmjs.com/settings/~/tfa");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(desktop.opened()).containsExactly("https://www.npmjs.com/settings/~/tfa");

        // Keyboard: the next row is the UNKNOWN one, whose detail says what it needs.
        robot.clickOn(cell(robot, WARN_TITLE));
        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table(robot).getSelectionModel().getSelectedItem()).isEqualTo(SampleReports.BREACH_UNKNOWN);
        assertThat(detailTexts(robot)).contains("? UNKNOWN", "Needed to decide", "an HIBP API key in HIBP_API_KEY");
    }

    @Test
    void cancel_stops_a_running_audit(FxRobot robot) throws TimeoutException {
        launcher.holdUntilCancelled();
        robot.clickOn("#runDemo");
        waitUntil(() -> !button(robot, "#cancel").isDisabled());
        assertThat(button(robot, "#runDemo").isDisabled()).isTrue();

        robot.clickOn("#cancel");
        waitUntil(() -> robot.lookup("#statusLine").queryLabeled().getText().startsWith("Cancelled:"));

        assertThat(launcher.cancels()).isEqualTo(1);
        assertThat(launcher.cancelThreads()).doesNotContain(fxThread);
        assertThat(table(robot).getItems()).hasSize(2);
        assertThat(button(robot, "#cancel").isDisabled()).isTrue();
        assertThat(button(robot, "#runDemo").isDisabled()).isFalse();
    }

    @Test
    void keyboard_shortcuts_run_and_cancel(FxRobot robot) throws TimeoutException {
        launcher.holdUntilCancelled();

        robot.press(KeyCode.CONTROL, KeyCode.R).release(KeyCode.R, KeyCode.CONTROL);
        waitUntil(() -> !button(robot, "#cancel").isDisabled());
        robot.type(KeyCode.ESCAPE);
        waitUntil(() -> robot.lookup("#statusLine").queryLabeled().getText().startsWith("Cancelled:"));

        assertThat(launcher.starts()).isEqualTo(1);
        assertThat(launcher.cancels()).isEqualTo(1);
    }

    @Test
    void the_audit_is_started_on_a_background_thread(FxRobot robot) throws TimeoutException {
        robot.clickOn("#runDemo");
        waitUntil(() -> table(robot).getItems().size() == 6);

        List<Thread> threads = launcher.startThreads();
        assertThat(threads).hasSize(1);
        assertThat(threads.get(0)).isNotSameAs(fxThread);
        assertThat(threads.get(0).getName()).startsWith(FxTaskExecutor.THREAD_PREFIX);
    }

    @Test
    void the_guard_refuses_to_start_an_audit_on_the_fx_thread() {
        FakeAuditLauncher unguarded = FakeAuditLauncher.completing();
        AuditLauncher guarded = BackgroundOnlyAuditLauncher.offFxThread(unguarded);

        CompletableFuture<AuditHandle> started = onFxThread(() -> guarded.start(ProgressListener.NONE));

        assertThatThrownBy(() -> started.get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(IllegalStateException.class);
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

    private static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryButton();
    }

    @SuppressWarnings("unchecked")
    private static TableView<Finding> table(FxRobot robot) {
        return robot.lookup("#checklist").queryAs(TableView.class);
    }

    private static Node cell(FxRobot robot, String text) {
        return robot.lookup((Node node) -> node instanceof TableCell<?, ?> cell && text.equals(cell.getText())).query();
    }

    private static List<String> detailTexts(FxRobot robot) {
        Node detail = robot.lookup("#detail").query();
        return robot.from(detail).lookup((Node node) -> node instanceof Labeled || node instanceof TextInputControl)
                .queryAll().stream()
                .map(node -> node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText())
                .toList();
    }
}
