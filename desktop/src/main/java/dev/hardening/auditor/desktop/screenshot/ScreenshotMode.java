package dev.hardening.auditor.desktop.screenshot;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.main.MainWindowViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntConsumer;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

/**
 * {@code --screenshot FILE}: waits for the audit to end, selects the first finding that needs
 * action (so the detail pane has something to show), snapshots the scene, writes the PNG off the
 * UI thread and exits: 0 when the audit completed, 1 when it failed or timed out, 2 when the
 * file could not be written.
 */
public final class ScreenshotMode {
    /** Time for the table and detail pane to lay out after the selection. */
    private static final Duration SETTLE = Duration.millis(500);
    private static final Duration GIVE_UP_AFTER = Duration.minutes(3);

    private final MainWindowViewModel viewModel;
    private final Scene scene;
    private final TaskExecutor tasks;
    private final Path target;
    private final IntConsumer exit;
    private boolean taken;

    public ScreenshotMode(MainWindowViewModel viewModel, Scene scene, TaskExecutor tasks, Path target,
                          IntConsumer exit) {
        this.viewModel = viewModel;
        this.scene = scene;
        this.tasks = tasks;
        this.target = target;
        this.exit = exit;
    }

    /** Call before the audit starts. */
    public void arm() {
        viewModel.auditRun().runningProperty().addListener((observable, was, running) -> {
            if (was && !running) {
                selectSomethingWorthShowing();
                settleThen(() -> take(viewModel.auditRun().failedProperty().get() ? 1 : 0));
            }
        });
        PauseTransition timeout = new PauseTransition(GIVE_UP_AFTER);
        timeout.setOnFinished(event -> {
            System.err.println("screenshot: the audit did not finish within " + GIVE_UP_AFTER.toMinutes()
                    + " minutes; taking the screenshot anyway");
            take(1);
        });
        timeout.play();
    }

    private void selectSomethingWorthShowing() {
        var visible = viewModel.checklist().visibleFindings();
        Finding choice = visible.stream().filter(f -> f.status().needsAction()).findFirst()
                .orElse(visible.isEmpty() ? null : visible.get(0));
        viewModel.checklist().selectedFindingProperty().set(choice);
    }

    private static void settleThen(Runnable action) {
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(event -> action.run());
        pause.play();
    }

    private void take(int exitCode) {
        if (taken) {
            return;
        }
        taken = true;
        WritableImage image = scene.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        tasks.execute(BackgroundTask.of("Write the screenshot", () -> {
            Path absolute = target.toAbsolutePath();
            if (absolute.getParent() != null) {
                Files.createDirectories(absolute.getParent());
            }
            Files.write(absolute, PngEncoder.encode(width, height, argb));
            return absolute;
        }).onSuccess(written -> {
            System.out.println("screenshot: wrote " + written + " (" + width + "×" + height + ")");
            exit.accept(exitCode);
        }).onFailure(error -> {
            System.err.println("screenshot: could not write " + target + ": " + error.getMessage());
            exit.accept(2);
        }));
    }
}
