package dev.hardening.auditor.desktop.main;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.audit.BackgroundOnlyAuditLauncher;
import dev.hardening.auditor.desktop.audit.DemoAuditLauncher;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.FxUiThread;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import dev.hardening.auditor.desktop.testing.RecordingDesktop;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The real engine on the bundled demo world, in the real window, headless: what `./auditor gui` shows. */
@ExtendWith(ApplicationExtension.class)
class DemoWorldEndToEndFxTest {
    private FxTaskExecutor tasks;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        CheckRegistry registry = CheckRegistry.load();
        RecordingDesktop desktop = new RecordingDesktop();
        MainWindowViewModel viewModel = new MainWindowViewModel(
                BackgroundOnlyAuditLauncher.offFxThread(new DemoAuditLauncher(registry)), tasks, new FxUiThread(),
                CheckCatalog.of(registry), desktop, desktop);
        stage.setScene(new MainWindowView(viewModel).createScene(1100, 700));
        stage.show();
    }

    @AfterEach
    void stopTasks() {
        tasks.shutdown();
    }

    @Test
    void the_demo_audit_fills_the_checklist_with_every_kind_of_verdict(FxRobot robot) throws Exception {
        robot.clickOn("#runDemo");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> robot.lookup("#statusLine").queryLabeled().getText().startsWith("Done:"));
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<Finding> table = robot.lookup("#checklist").queryAs(TableView.class);
        List<Finding> rows = List.copyOf(table.getItems());
        Set<String> checks = rows.stream().map(Finding::check).collect(Collectors.toSet());
        Set<Status> statuses = rows.stream().map(Finding::status).collect(Collectors.toSet());
        assertThat(checks).hasSizeGreaterThanOrEqualTo(6);
        assertThat(statuses).contains(Status.PASS, Status.FAIL, Status.WARN, Status.UNKNOWN);
        assertThat(robot.lookup("#demoBanner").queryAs(javafx.scene.control.Label.class).isVisible()).isTrue();

        Finding fail = rows.stream().filter(f -> f.status() == Status.FAIL).findFirst().orElseThrow();
        robot.interact(() -> table.getSelectionModel().select(fail));
        WaitForAsyncUtils.waitForFxEvents();
        Node detail = robot.lookup("#detail").query();
        String shown = robot.from(detail).lookup((Node n) -> n instanceof Labeled || n instanceof TextInputControl)
                .queryAll().stream()
                .map(n -> n instanceof Labeled l ? l.getText() : ((TextInputControl) n).getText())
                .collect(Collectors.joining("\n"));
        assertThat(shown).contains(fail.message()).contains(fail.evidence().get(0).value())
                .contains(fail.remediation().get(0).text());
    }
}
