package dev.hardening.auditor.desktop.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.desktop.main.Screen;
import dev.hardening.auditor.desktop.main.ToolDialogs;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The History screen in the real window, headless, over a real SQLite snapshot database (read and
 * written only off the FX thread: the archive is guarded): the chart and the diff of any two snapshots.
 */
@ExtendWith(ApplicationExtension.class)
class HistoryFxTest {
    @TempDir
    static Path dir;

    private FxWindow window;

    @Start
    void start(Stage stage) {
        window = new FxWindow(TestServices.demoReportWithDatabase(dir)).show(stage, 1280, 800, ToolDialogs.none());
    }

    @AfterEach
    void stop() {
        window.stop();
    }

    @Test
    void the_chart_plots_every_snapshot_and_any_two_are_compared_by_keyboard(FxRobot robot) throws Exception {
        robot.clickOn("#tryDemo");
        FxWindow.waitUntil(() -> window.viewModel.history().snapshots().size() == 3);
        FxWindow.waitUntil(() -> !window.viewModel.history().diff().isEmpty());
        assertThat(Files.size(dir.resolve("snapshots.db"))).isPositive();
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT5).release(KeyCode.DIGIT5, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(window.viewModel.screenProperty().get()).isEqualTo(Screen.HISTORY);

        @SuppressWarnings("unchecked")
        LineChart<String, Number> chart = robot.lookup("#historyChart").queryAs(LineChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(3);
        assertThat(chart.getData().get(0).getData().get(2).getYValue().intValue())
                .isEqualTo(window.viewModel.checklist().findings().isEmpty() ? -1 : window.viewModel.history().points().get(2).score());
        assertThat(robot.lookup("#historyDiffSummary").queryLabeled().getText()).startsWith("From snapshot 2");

        // Choose the oldest snapshot with the keyboard: focus the chooser, Home, Enter, then Compare.
        @SuppressWarnings("unchecked")
        ComboBox<SnapshotSummary> before = robot.lookup("#historyBefore").queryAs(ComboBox.class);
        robot.interact(before::requestFocus);
        robot.interact(() -> before.getSelectionModel().selectFirst());
        robot.interact(() -> robot.lookup("#historyCompare").queryButton().requestFocus());
        robot.type(KeyCode.SPACE);
        FxWindow.waitUntil(() -> robot.lookup("#historyDiffSummary").queryLabeled().getText().startsWith("From snapshot 1"));

        @SuppressWarnings("unchecked")
        ListView<DiffLine> diff = robot.lookup("#historyDiff").queryAs(ListView.class);
        assertThat(diff.getItems()).hasSize(3).allSatisfy(line -> assertThat(line.kind()).isEqualTo(DiffLine.Kind.RESOLVED));
        assertThat(robot.lookup("#historyDiffSummary").queryLabeled().getText()).contains("3 resolved");
    }
}
