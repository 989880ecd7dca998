package dev.hardening.auditor.desktop.checklist;

import static dev.hardening.auditor.desktop.testing.FxWindow.rows;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.desktop.common.StatusDisplay;
import dev.hardening.auditor.desktop.main.ToolDialogs;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import dev.hardening.auditor.desktop.testing.FxWindow;
import dev.hardening.auditor.desktop.testing.TestServices;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeTableCell;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Readable at 200%: with the text size at 200% in a 1280×800 window (a 2560×1600 screen at 200%
 * scaling), the checklist's status cells show their icon and word in full, the text really is twice
 * as large, and the status filters keep their counts.
 */
@ExtendWith(ApplicationExtension.class)
class ChecklistScalingFxTest {
    private FxWindow window;

    @Start
    void start(Stage stage) {
        window = new FxWindow(new TestServices(FakeAuditLauncher.completing())).show(stage, 1280, 800, ToolDialogs.none());
    }

    @AfterEach
    void stop() {
        window.stop();
    }

    @Test
    void at_200_percent_status_texts_are_twice_as_large_and_never_clipped(FxRobot robot) throws Exception {
        robot.clickOn("#tryDemo");
        FxWindow.waitUntil(() -> rows(robot).size() == 6);
        double normal = statusCells(robot).get(0).getFont().getSize();

        robot.interact(() -> window.viewModel.appearance().textScaleProperty().set(200));
        WaitForAsyncUtils.waitForFxEvents();

        List<TreeTableCell<?, ?>> cells = statusCells(robot);
        Node tree = robot.lookup("#checklist").query();
        Node pane = robot.lookup("#checklistPane").query();
        assertThat(tree.getLayoutBounds().getHeight()).as("the findings keep most of the pane; the filters scroll")
                .isGreaterThan(pane.getLayoutBounds().getHeight() * 0.5);
        assertThat(cells).hasSizeGreaterThanOrEqualTo(6);
        assertThat(cells.get(0).getFont().getSize()).isCloseTo(2 * normal, org.assertj.core.data.Offset.offset(0.5));
        for (TreeTableCell<?, ?> cell : cells) {
            assertThat(cell.getText()).matches("^[✔✖⚠?✎–] [A-Z/]+$");
            assertThat(shown(cell)).as("what the %s cell shows", cell.getText()).isEqualTo(cell.getText());
        }
        for (Node toggle : robot.lookup(".status-filter").queryAll()) {
            Labeled labeled = (Labeled) toggle;
            assertThat(shown(labeled)).as("a status filter").isEqualTo(labeled.getText()).matches(".* \\d+$");
        }
        assertThat(shown(robot.lookup("#score").queryLabeled())).startsWith("Score ");

        // The item titles stay readable: the detail moves below the list, and the Item column keeps 12 em.
        javafx.scene.control.SplitPane split = robot.lookup("#checklistScreen").queryAs(javafx.scene.control.SplitPane.class);
        assertThat(split.getOrientation()).isEqualTo(javafx.geometry.Orientation.VERTICAL);
        javafx.scene.control.TreeTableView<?> table = robot.lookup("#checklist").queryAs(javafx.scene.control.TreeTableView.class);
        double em = cells.get(0).getFont().getSize();
        assertThat(table.getColumns().get(0).getWidth()).as("the Item column").isGreaterThanOrEqualTo(12 * em - 0.5);
        List<String> titles = new java.util.ArrayList<>();
        for (Node node : robot.lookup(".tree-table-cell").queryAll()) {
            TreeTableCell<?, ?> c = (TreeTableCell<?, ?>) node;
            if (c.getTableColumn() == table.getColumns().get(0) && c.getText() != null && !c.getText().isBlank()) {
                titles.add(shown(c));
            }
        }
        assertThat(titles).isNotEmpty().allSatisfy(t -> assertThat(t.replace("…", "").replace("...", "").strip())
                .as("a title shows words, not just an ellipsis").hasSizeGreaterThanOrEqualTo(8));

        robot.interact(() -> window.viewModel.appearance().textScaleProperty().set(100));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(split.getOrientation()).as("side by side again at 100%").isEqualTo(javafx.geometry.Orientation.HORIZONTAL);
    }

    /** The text actually drawn: a clipped label draws an ellipsis instead. */
    private static String shown(Labeled labeled) {
        return labeled.lookupAll(".text").stream().filter(n -> n instanceof Text && n.getParent() == labeled)
                .map(n -> ((Text) n).getText()).findFirst().orElse("");
    }

    private static List<TreeTableCell<?, ?>> statusCells(FxRobot robot) {
        List<TreeTableCell<?, ?>> out = new java.util.ArrayList<>();
        for (Node node : robot.lookup(".tree-table-cell").queryAll()) {
            TreeTableCell<?, ?> c = (TreeTableCell<?, ?>) node;
            if (c.getText() != null && StatusDisplay.allStyleClasses().stream().anyMatch(c.getStyleClass()::contains)) {
                out.add(c);
            }
        }
        return out;
    }
}
