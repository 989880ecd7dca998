package dev.hardening.auditor.desktop.screenshot;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.main.FxToolDialogs;
import dev.hardening.auditor.desktop.main.MainWindowView;
import dev.hardening.auditor.desktop.main.MainWindowViewModel;
import dev.hardening.auditor.desktop.main.Screen;
import dev.hardening.auditor.desktop.theme.Theme;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;

/**
 * Pictures of the real app on the demo world, for the README and for reviewers without a display.
 * {@code --screenshot FILE} saves the checklist; {@code --screenshots DIR} saves every screen, both
 * dialogs, the dark theme and 200% text as {@code DIR/<name>.png}. Waits for the demo audit (and its
 * snapshot) first; the PNGs are written off the UI thread; then the app exits: 0 after a completed
 * audit, 1 when it failed or timed out, 2 when a file could not be written.
 */
public final class ScreenshotMode {
    /** Time for a screen to lay out (and a chart to draw) before it is captured. */
    private static final Duration SETTLE = Duration.millis(600);
    private static final Duration POLL = Duration.millis(100);
    private static final Duration GIVE_UP_AFTER = Duration.minutes(3);

    private final MainWindowViewModel viewModel;
    private final MainWindowView view;
    private final Scene scene;
    private final FxToolDialogs dialogs;
    private final TaskExecutor tasks;
    private final IntConsumer exit;
    private final List<Shot> shots = new ArrayList<>();
    private boolean done;

    private record Shot(Path file, int width, int height, int[] argb) {
    }

    private record Step(Runnable prepare, String name, Supplier<Scene> target) {
    }

    public ScreenshotMode(MainWindowViewModel viewModel, MainWindowView view, Scene scene, FxToolDialogs dialogs,
                          TaskExecutor tasks, IntConsumer exit) {
        this.viewModel = viewModel;
        this.view = view;
        this.scene = scene;
        this.dialogs = dialogs;
        this.tasks = tasks;
        this.exit = exit;
    }

    /** The checklist with the first finding that needs action selected, to {@code file}. Call before the audit starts. */
    public void single(Path file) {
        Path dir = file.toAbsolutePath().getParent();
        String name = file.getFileName().toString();
        whenAuditEnds(() -> run(new ArrayDeque<>(List.of(new Step(this::showChecklist, name, () -> scene))), dir));
    }

    /** Every screen and dialog into {@code dir}. Call before the audit starts. */
    public void everyScreen(Path dir) {
        whenAuditEnds(() -> waitFor(() -> viewModel.history().snapshots().size() >= 2, () -> {
            Deque<Step> steps = new ArrayDeque<>();
            steps.add(new Step(() -> viewModel.screenProperty().set(Screen.SETUP), "setup.png", () -> scene));
            steps.add(new Step(() -> viewModel.screenProperty().set(Screen.RUN), "run.png", () -> scene));
            steps.add(new Step(this::showChecklist, "checklist.png", () -> scene));
            steps.add(new Step(() -> viewModel.screenProperty().set(Screen.TEAM), "team.png", () -> scene));
            steps.add(new Step(() -> viewModel.screenProperty().set(Screen.HISTORY), "history.png", () -> scene));
            steps.add(new Step(() -> viewModel.screenProperty().set(Screen.EXPORT), "export.png", () -> scene));
            steps.add(new Step(() -> {
                viewModel.screenProperty().set(Screen.CHECKLIST);
                dialogs.openPasswordCheck();
            }, "password-check.png", () -> dialogScene(dialogs.passwordDialog())));
            steps.add(new Step(() -> {
                dialogs.passwordDialog().close();
                dialogs.openAttestation(Platform.NPM);
            }, "attest.png", () -> dialogScene(dialogs.attestationDialog())));
            steps.add(new Step(() -> {
                dialogs.attestationDialog().close();
                viewModel.appearance().themeProperty().set(Theme.DARK);
                showChecklist();
            }, "checklist-dark.png", () -> scene));
            steps.add(new Step(() -> {
                viewModel.appearance().themeProperty().set(Theme.LIGHT);
                viewModel.appearance().textScaleProperty().set(200);
                viewModel.screenProperty().set(Screen.SETUP);
            }, "setup-200.png", () -> scene));
            steps.add(new Step(this::showChecklist, "checklist-200.png", () -> scene));
            run(steps, dir.toAbsolutePath());
        }));
    }

    private void whenAuditEnds(Runnable then) {
        viewModel.auditRun().runningProperty().addListener((observable, was, running) -> {
            if (was && !running) {
                settle(then);
            }
        });
        PauseTransition timeout = new PauseTransition(GIVE_UP_AFTER);
        timeout.setOnFinished(event -> {
            if (!done) {
                System.err.println("screenshot: the audit did not finish within " + (int) GIVE_UP_AFTER.toMinutes()
                        + " minutes");
                finish(1);
            }
        });
        timeout.play();
    }

    private void showChecklist() {
        viewModel.screenProperty().set(Screen.CHECKLIST);
        var visible = viewModel.checklist().visibleFindings();
        Finding choice = visible.stream().filter(f -> f.status().needsAction() && !f.remediation().isEmpty()).findFirst()
                .orElse(visible.isEmpty() ? null : visible.get(0));
        viewModel.checklist().selectedFindingProperty().set(choice);
        view.focusChecklist();
    }

    private void run(Deque<Step> steps, Path dir) {
        if (steps.isEmpty()) {
            write();
            return;
        }
        Step step = steps.poll();
        step.prepare().run();
        settle(() -> {
            capture(step.target().get(), dir.resolve(step.name()));
            run(steps, dir);
        });
    }

    private void capture(Scene target, Path file) {
        WritableImage image = target.snapshot(null);
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        shots.add(new Shot(file, width, height, argb));
    }

    private static Scene dialogScene(Dialog<?> dialog) {
        return dialog.getDialogPane().getScene();
    }

    private void write() {
        List<Shot> taken = List.copyOf(shots);
        int status = viewModel.auditRun().failedProperty().get() ? 1 : 0;
        tasks.execute(BackgroundTask.of("Write the screenshots", () -> {
            for (Shot shot : taken) {
                Path parent = shot.file().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.write(shot.file(), PngEncoder.encode(shot.width(), shot.height(), shot.argb()));
            }
            return taken;
        }).onSuccess(written -> {
            written.forEach(s -> System.out.println("screenshot: wrote " + s.file() + " (" + s.width() + "×" + s.height() + ")"));
            finish(status);
        }).onFailure(error -> {
            System.err.println("screenshot: could not write the files: " + error.getMessage());
            finish(2);
        }));
    }

    private void finish(int status) {
        if (!done) {
            done = true;
            exit.accept(status);
        }
    }

    private static void settle(Runnable action) {
        PauseTransition pause = new PauseTransition(SETTLE);
        pause.setOnFinished(event -> action.run());
        pause.play();
    }

    /** Polls on the UI thread until {@code condition} holds (or 20 s passed), then runs {@code then}. */
    private static void waitFor(BooleanSupplier condition, Runnable then) {
        waitFor(condition, then, 200);
    }

    private static void waitFor(BooleanSupplier condition, Runnable then, int triesLeft) {
        if (condition.getAsBoolean() || triesLeft == 0) {
            then.run();
            return;
        }
        PauseTransition pause = new PauseTransition(POLL);
        pause.setOnFinished(event -> waitFor(condition, then, triesLeft - 1));
        pause.play();
    }
}
