package dev.hardening.auditor.desktop.team;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.desktop.main.Screen;
import dev.hardening.auditor.desktop.main.ToolDialogs;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
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

/** The Team screen in the real window, headless, on the demo world's report. */
@ExtendWith(ApplicationExtension.class)
class TeamMatrixFxTest {
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
    void the_matrix_shows_publishers_by_packages_with_badges_in_icon_and_words(FxRobot robot) throws Exception {
        robot.clickOn("#tryDemo");
        FxWindow.waitUntil(() -> window.viewModel.screenProperty().get() == Screen.CHECKLIST);
        robot.press(KeyCode.ALT, KeyCode.T).release(KeyCode.T, KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();

        @SuppressWarnings("unchecked")
        TableView<TeamMatrix.PublisherRow> matrix = robot.lookup("#teamMatrix").queryAs(TableView.class);
        assertThat(matrix.isFocused()).as("the matrix takes the focus, so arrows move through it").isTrue();
        assertThat(matrix.getColumns().stream().map(c -> c.getText()).toList()).containsSubsequence("Publisher", "Person",
                "Second factor", "Long-lived tokens", "Signing keys", "Breached addresses", "npm:@inkwell/cli");
        assertThat(matrix.getItems()).extracting(TeamMatrix.PublisherRow::label).contains("npm: quill-dev", "pypi: rquill");
        List<String> badges = robot.lookup(".badge-cell").queryAllAs(TableCell.class).stream()
                .map(c -> c.getText()).filter(t -> t != null).toList();
        assertThat(badges).isNotEmpty().allMatch(t -> t.matches("^[✔✖⚠?✎–] .+"), "icon then words");
        assertThat(badges).anyMatch(t -> t.startsWith("– not audited")).anyMatch(t -> !t.startsWith("–"));
        assertThat(robot.lookup("#teamMessage").queryLabeled().getText()).contains("publishing accounts across");

        robot.type(KeyCode.DOWN);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(matrix.getSelectionModel().getSelectedIndex()).isGreaterThanOrEqualTo(0);
    }
}
