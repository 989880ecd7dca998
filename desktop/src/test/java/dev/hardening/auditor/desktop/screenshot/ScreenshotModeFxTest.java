package dev.hardening.auditor.desktop.screenshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.attest.AttestationStore;
import dev.hardening.auditor.core.facts.attest.Attestations;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.desktop.attest.AttestationViewModel;
import dev.hardening.auditor.desktop.main.FxToolDialogs;
import dev.hardening.auditor.desktop.main.ToolDialogs;
import dev.hardening.auditor.desktop.password.PasswordCheckViewModel;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.SampleReports;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The screenshot mode against the sample report: one picture per screen and dialog. The PNGs are kept
 * under target/screenshots so a reviewer can look at the window without a display.
 */
@ExtendWith(ApplicationExtension.class)
class ScreenshotModeFxTest {
    private static final Path OUTPUT = Path.of("target", "screenshots");

    private final FakeAuditLauncher launcher = FakeAuditLauncher.completing();
    private final CompletableFuture<Integer> exitCode = new CompletableFuture<>();
    private FxWindow window;
    private FxToolDialogs dialogs;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        window = new FxWindow(new TestServices(launcher));
        window.show(stage, 1100, 700, new ToolDialogs() {
            @Override
            public void openPasswordCheck() {
                dialogs.openPasswordCheck();
            }

            @Override
            public void openAttestation(Platform platform) {
                dialogs.openAttestation(platform);
            }
        });
        dialogs = new FxToolDialogs(stage, () -> new PasswordCheckViewModel(p -> new PwnedPassword(0, 1), window.tasks,
                r -> Optional.empty()), () -> new AttestationViewModel(AttestationStore.fixed(Attestations.none()),
                window.tasks, Clock.systemUTC()), window.viewModel.appearance());
    }

    @AfterEach
    void stop() {
        window.stop();
    }

    private ScreenshotMode mode() {
        return new ScreenshotMode(window.viewModel, window.view, stage.getScene(), dialogs, window.tasks,
                exitCode::complete);
    }

    @Test
    void every_screen_and_dialog_is_written_after_a_completed_audit_and_exits_0(FxRobot robot) throws Exception {
        Path dir = OUTPUT.resolve("every-screen");
        List<String> names = List.of("setup.png", "run.png", "checklist.png", "team.png", "history.png", "export.png",
                "password-check.png", "attest.png", "checklist-dark.png", "setup-200.png", "checklist-200.png");
        for (String name : names) {
            Files.deleteIfExists(dir.resolve(name));
        }

        robot.interact(() -> {
            mode().everyScreen(dir);
            window.viewModel.tryDemo();
        });

        assertThat(exitCode.get(60, TimeUnit.SECONDS)).isZero();
        for (String name : names) {
            BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
            assertThat(image).as(name).isNotNull();
            if (!name.equals("password-check.png") && !name.equals("attest.png")) {
                assertThat(image.getWidth()).as(name).isEqualTo(1100);
                assertThat(image.getHeight()).as(name).isEqualTo(700);
            }
        }
    }

    @Test
    void a_single_picture_shows_the_first_finding_that_needs_action(FxRobot robot) throws Exception {
        Path file = OUTPUT.resolve("main-window-sample.png");
        Files.deleteIfExists(file);

        robot.interact(() -> {
            mode().single(file);
            window.viewModel.tryDemo();
        });

        assertThat(exitCode.get(20, TimeUnit.SECONDS)).isZero();
        assertThat(window.viewModel.checklist().selectedFindingProperty().get()).isEqualTo(SampleReports.GITHUB_2FA_FAIL);
        assertImage(file);
    }

    @Test
    void still_writes_the_window_when_the_audit_fails_but_exits_1(FxRobot robot) throws Exception {
        Path file = OUTPUT.resolve("main-window-failed.png");
        Files.deleteIfExists(file);
        launcher.failOnStart(new UnsupportedOperationException("not yet implemented"));

        robot.interact(() -> {
            mode().single(file);
            window.viewModel.tryDemo();
        });

        assertThat(exitCode.get(20, TimeUnit.SECONDS)).isEqualTo(1);
        assertImage(file);
    }

    private static void assertImage(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertThat(image.getWidth()).isEqualTo(1100);
        assertThat(image.getHeight()).isEqualTo(700);
    }
}
