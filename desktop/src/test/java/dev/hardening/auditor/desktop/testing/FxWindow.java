package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.desktop.checklist.ChecklistRow;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.FxUiThread;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.main.MainWindowView;
import dev.hardening.auditor.desktop.main.MainWindowViewModel;
import dev.hardening.auditor.desktop.main.ToolDialogs;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The real window in a TestFX stage, with the app's own threading (FxTaskExecutor, FxUiThread and
 * the UI-thread guard on every service) and fakes behind the services.
 */
public final class FxWindow {
    public final TestServices services;
    public final FxTaskExecutor tasks = new FxTaskExecutor();
    public final RecordingFileDialogs files = new RecordingFileDialogs();
    public MainWindowViewModel viewModel;
    public MainWindowView view;

    public FxWindow(TestServices services) {
        this.services = services;
        services.tasks = tasks;
        services.uiThread = new FxUiThread();
        services.guard = UiThreadGuard.fx();
    }

    /** Builds the window on the FX thread (call from {@code @Start}). */
    public FxWindow show(Stage stage, double width, double height, ToolDialogs dialogs) {
        viewModel = new MainWindowViewModel(services.build());
        view = new MainWindowView(viewModel, files, dialogs);
        stage.setScene(view.createScene(width, height));
        stage.show();
        view.focusScreen();
        viewModel.load();
        return this;
    }

    public void stop() {
        tasks.shutdown();
    }

    public static void waitUntil(Callable<Boolean> condition) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, condition);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @SuppressWarnings("unchecked")
    public static TreeTableView<ChecklistRow> tree(FxRobot robot) {
        return robot.lookup("#checklist").queryAs(TreeTableView.class);
    }

    /** The findings in the checklist's rows, in order (group headers left out). */
    public static List<Finding> rows(FxRobot robot) {
        TreeTableView<ChecklistRow> tree = tree(robot);
        List<Finding> out = new ArrayList<>();
        for (TreeItem<ChecklistRow> group : tree.getRoot().getChildren()) {
            group.getChildren().forEach(item -> out.add(item.getValue().finding()));
        }
        return out;
    }

    /** Every text under a node, in scene order. */
    public static List<String> texts(FxRobot robot, String query) {
        Node root = robot.lookup(query).query();
        return robot.from(root).lookup((Node node) -> node instanceof Labeled || node instanceof TextInputControl)
                .queryAll().stream()
                .map(node -> node instanceof Labeled labeled ? labeled.getText() : ((TextInputControl) node).getText())
                .toList();
    }
}
