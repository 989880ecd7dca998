package dev.hardening.auditor.desktop.screenshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.FxUiThread;
import dev.hardening.auditor.desktop.main.MainWindowView;
import dev.hardening.auditor.desktop.main.MainWindowViewModel;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.RecordingDesktop;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The screenshot mode against the sample report. The PNGs are kept under target/screenshots so a
 * reviewer can look at the window without a display.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotModeFxTest {
    private static final Path OUTPUT = Path.of("target", "screenshots");

    private final FakeAuditLauncher launcher = FakeAuditLauncher.completing();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private FxTaskExecutor tasks;
    private MainWindowViewModel viewModel;
    private Scene scene;

    @Start
    void start(Stage stage) {
        tasks = new FxTaskExecutor();
        RecordingDesktop desktop = new RecordingDesktop();
        viewModel = new MainWindowViewModel(launcher, tasks, new FxUiThread(), SampleReports.catalog(), desktop,
                desktop);
        scene = new MainWindowView(viewModel).createScene(1100, 700);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void stopTasks() {
        tasks.shutdown();
    }

    @Test
    void writes_the_window_after_a_completed_audit_and_exits_0(FxRobot robot) throws Exception {
        Path file = OUTPUT.resolve("main-window-sample.png");
        Files.deleteIfExists(file);

        robot.interact(() -> {
            new ScreenshotMode(viewModel, scene, tasks, file, exitCode::complete).arm();
            viewModel.auditRun().start();
        });

        assertThat(exitCode.get(10, TimeUnit.SECONDS)).isZero();
        assertThat(viewModel.checklist().selectedFindingProperty().get())
                .as("the first finding that needs action is shown").isEqualTo(SampleReports.GITHUB_2FA_FAIL);
        assertImage(file);
    }

    @Test
    void still_writes_the_window_when_the_audit_fails_but_exits_1(FxRobot robot) throws Exception {
        Path file = OUTPUT.resolve("main-window-failed.png");
        Files.deleteIfExists(file);
        launcher.failOnStart(new UnsupportedOperationException("not yet implemented"));

        robot.interact(() -> {
            new ScreenshotMode(viewModel, scene, tasks, file, exitCode::complete).arm();
            viewModel.auditRun().start();
        });

        assertThat(exitCode.get(10, TimeUnit.SECONDS)).isEqualTo(1);
        assertImage(file);
    }

    private static void assertImage(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(image.getHeight()).isEqualTo(700);
    }
}
