package dev.hardening.auditor.desktop.checklist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.desktop.testing.SampleReports;
import dev.hardening.auditor.desktop.theme.AppearanceViewModel;
import dev.hardening.auditor.desktop.theme.ThemedRoot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableRow;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A checklist of 5,000 findings stays virtualized: only about a screenful of rows is ever built,
 * however far it scrolls, and the last item can be selected from the keyboard. The time to scroll
 * from top to bottom is printed and written to target/checklist-scroll.txt (a measurement for
 * docs/DESKTOP.md, not an assertion: CI machines differ).
 */
@ExtendWith(ApplicationExtension.class)
class ChecklistVirtualizationFxTest {
    private static final int FINDINGS = 5_000;
    private static final int STEPS = 250;

    private final ChecklistViewModel viewModel = new ChecklistViewModel();
    private final AuditReport report = SampleReports.many(FINDINGS);
    private ChecklistView view;

    @Start
    void start(Stage stage) {
        view = new ChecklistView(viewModel);
        Scene scene = new Scene(view, 900, 700);
        ThemedRoot.follow(view, new AppearanceViewModel());
        stage.setScene(scene);
        stage.show();
    }

    @Test
    void five_thousand_findings_scroll_with_a_screenful_of_rows_and_the_last_is_selectable(FxRobot robot) throws IOException {
        robot.interact(() -> viewModel.show(report));
        assertThat(viewModel.visibleFindings()).hasSize(FINDINGS);
        int rowCount = view.tree().getExpandedItemCount();
        assertThat(rowCount).isGreaterThan(FINDINGS);

        Set<Node> rowsEverBuilt = Collections.newSetFromMap(new IdentityHashMap<>());
        long[] onFxThread = new long[2];
        for (int step = 0; step <= STEPS; step++) {
            int index = (int) ((long) (rowCount - 1) * step / STEPS);
            robot.interact(() -> {
                // Measured on the FX thread: the scroll and the layout of the rows it brings into view.
                long before = System.nanoTime();
                view.tree().scrollTo(index);
                view.tree().applyCss();
                view.tree().layout();
                long took = System.nanoTime() - before;
                onFxThread[0] += took;
                onFxThread[1] = Math.max(onFxThread[1], took);
            });
            rowsEverBuilt.addAll(robot.lookup(".tree-table-row-cell").queryAll());
        }

        assertThat(rowsEverBuilt.size()).as("rows built while scrolling through %d rows", rowCount)
                .isLessThan(150).isGreaterThan(5);
        String line = String.format("checklist of %d findings (%d rows): %d scroll steps from top to bottom took %.1f ms"
                        + " on the FX thread in all (%.2f ms per step, slowest %.1f ms); %d row cells were ever built",
                FINDINGS, rowCount, STEPS + 1, onFxThread[0] / 1e6, onFxThread[0] / 1e6 / (STEPS + 1), onFxThread[1] / 1e6,
                rowsEverBuilt.size());
        System.out.println(line);
        Files.writeString(Path.of("target", "checklist-scroll.txt"), line + System.lineSeparator());

        // The last finding, from the keyboard: focus the tree, End, and it is selected and shown.
        robot.interact(() -> view.tree().requestFocus());
        robot.type(KeyCode.END);
        WaitForAsyncUtils.waitForFxEvents();
        Finding last = lastFinding();
        assertThat(viewModel.selectedFindingProperty().get()).isEqualTo(last);
        assertThat(robot.lookup(".tree-table-row-cell").queryAllAs(TreeTableRow.class).stream()
                .anyMatch(row -> row.getItem() != null && last.equals(((ChecklistRow) row.getItem()).finding())
                        && row.isSelected())).as("the selected last row is on screen").isTrue();
    }

    private Finding lastFinding() {
        TreeItem<ChecklistRow> root = view.tree().getRoot();
        TreeItem<ChecklistRow> group = root.getChildren().get(root.getChildren().size() - 1);
        return group.getChildren().get(group.getChildren().size() - 1).getValue().finding();
    }
}
