package dev.hardening.auditor.desktop.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.desktop.main.Screen;
import dev.hardening.auditor.desktop.main.ToolDialogs;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.nio.file.Files;
import java.nio.file.Path;
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

/** The Export screen in the real window, headless: every format by mouse, one by keyboard. */
@ExtendWith(ApplicationExtension.class)
class ExportFxTest {
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
    void every_format_is_written_where_the_save_dialog_says(FxRobot robot) throws Exception {
        robot.clickOn("#tryDemo");
        FxWindow.waitUntil(() -> window.viewModel.export().snapshotIdProperty().get() != null);
        robot.clickOn("#nav-export");
        assertThat(window.viewModel.screenProperty().get()).isEqualTo(Screen.EXPORT);

        for (ExportFormat format : ExportFormat.values()) {
            Path target = dir.resolve("out-" + format.id() + format.extension());
            window.files.saveTo = target;
            robot.clickOn("#export-" + format.id());
            FxWindow.waitUntil(() -> Files.exists(target) && !window.viewModel.export().busyProperty().get());
            assertThat(robot.lookup("#exportMessage").queryLabeled().getText()).as(format.name()).startsWith("Wrote ");
        }
        assertThat(window.files.asked()).hasSize(ExportFormat.values().length)
                .allMatch(q -> q.contains("-demo."), "demo exports are named so");
        assertThat(Files.readString(dir.resolve("out-signed-snapshot" + ExportFormat.SIGNED_SNAPSHOT.extension())))
                .contains("signed-snapshot");
        assertThat(Files.readString(dir.resolve("out-playbook" + ExportFormat.PLAYBOOK.extension()))).contains("DEMO");
    }

    @Test
    void the_first_format_has_the_focus_and_enter_exports_it(FxRobot robot) throws Exception {
        robot.clickOn("#tryDemo");
        FxWindow.waitUntil(() -> window.viewModel.screenProperty().get() == Screen.CHECKLIST);
        robot.press(KeyCode.CONTROL, KeyCode.DIGIT6).release(KeyCode.DIGIT6, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#export-markdown").queryButton().isFocused()).isTrue();
        Path target = dir.resolve("keyboard.md");
        window.files.saveTo = target;

        robot.type(KeyCode.SPACE);

        FxWindow.waitUntil(() -> Files.exists(target));
        assertThat(Files.readString(target)).contains("DEMO REPORT");
    }
}
