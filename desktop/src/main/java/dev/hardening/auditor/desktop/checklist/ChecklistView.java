package dev.hardening.auditor.desktop.checklist;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.common.StatusDisplay;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The checklist: a row of status filters above a table of findings (virtualized, sortable,
 * keyboard-navigable). The table selection drives {@link ChecklistViewModel#selectedFindingProperty()}.
 */
public final class ChecklistView extends VBox {
    private final ChecklistViewModel viewModel;
    private final TableView<Finding> table = new TableView<>();

    public ChecklistView(ChecklistViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("checklist");
        setId("checklistPane");
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(filterBar(), table);
        buildTable();
    }

    /** The table, so the window can give it focus. */
    public TableView<Finding> table() {
        return table;
    }

    /** Status toggles, then presets and the count; wraps rather than truncating in a narrow pane. */
    private FlowPane filterBar() {
        FlowPane bar = new FlowPane(6, 6);
        bar.getStyleClass().add("filter-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().add(unsqueezable(new Label("Show:")));
        for (Status status : Status.values()) {
            bar.getChildren().add(unsqueezable(filterToggle(status)));
        }
        Button all = new Button("Show _all");
        all.setId("showAll");
        all.setOnAction(event -> viewModel.showAll());
        Button needsAction = new Button("_Needs action");
        needsAction.setId("showNeedsAction");
        needsAction.setOnAction(event -> viewModel.showNeedsAction());
        Label shown = new Label();
        shown.getStyleClass().add("shown-count");
        shown.textProperty().bind(viewModel.shownTextProperty());
        bar.getChildren().addAll(unsqueezable(all), unsqueezable(needsAction), shown);
        return bar;
    }

    private static <T extends Region> T unsqueezable(T node) {
        node.setMinWidth(Region.USE_PREF_SIZE);
        return node;
    }

    private ToggleButton filterToggle(Status status) {
        ToggleButton toggle = new ToggleButton();
        toggle.setId("filter-" + StatusDisplay.styleClass(status));
        toggle.setMnemonicParsing(false);
        toggle.getStyleClass().addAll("status-filter", StatusDisplay.styleClass(status));
        toggle.textProperty().bind(viewModel.countProperty(status).asString(StatusDisplay.text(status) + " %d"));
        toggle.selectedProperty().bindBidirectional(viewModel.shownProperty(status));
        return toggle;
    }

    private void buildTable() {
        table.setId("checklist");
        table.getStyleClass().add("checklist-table");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        table.setPlaceholder(new Label("No findings yet. Run the demo audit (Ctrl+R) to see a checklist."));

        TableColumn<Finding, Status> status = column("Status", Finding::status);
        status.setCellFactory(c -> new StatusCell());
        status.setComparator(StatusDisplay.MOST_URGENT_FIRST);
        fixedWidth(status, 118);

        TableColumn<Finding, Severity> severity = column("Severity", Finding::severity);
        severity.setCellFactory(c -> new SeverityCell());
        fixedWidth(severity, 92);

        TableColumn<Finding, String> title = column("Title", Finding::title);
        title.setPrefWidth(420);
        TableColumn<Finding, String> subject = column("Subject", Finding::subject);
        subject.setPrefWidth(220);

        table.getColumns().add(status);
        table.getColumns().add(severity);
        table.getColumns().add(title);
        table.getColumns().add(subject);

        SortedList<Finding> sorted = new SortedList<>(viewModel.visibleFindings());
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);

        table.getSelectionModel().selectedItemProperty().addListener(
                (observable, was, now) -> viewModel.selectedFindingProperty().set(now));
        viewModel.selectedFindingProperty().addListener((observable, was, now) -> {
            if (now == null) {
                table.getSelectionModel().clearSelection();
            } else if (table.getSelectionModel().getSelectedItem() != now) {
                table.getSelectionModel().select(now);
            }
        });
    }

    private static <T> TableColumn<Finding, T> column(String name, Function<Finding, T> value) {
        TableColumn<Finding, T> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> constant(value.apply(cell.getValue())));
        return column;
    }

    private static <T> ObservableValue<T> constant(T value) {
        return new ReadOnlyObjectWrapper<>(value);
    }

    private static void fixedWidth(TableColumn<Finding, ?> column, double width) {
        column.setMinWidth(width);
        column.setPrefWidth(width);
        column.setMaxWidth(width);
    }

    /** Icon and word, coloured by CSS: the colour is never the only signal. */
    private static final class StatusCell extends TableCell<Finding, Status> {
        @Override
        protected void updateItem(Status status, boolean empty) {
            super.updateItem(status, empty);
            getStyleClass().removeAll(StatusDisplay.allStyleClasses());
            if (empty || status == null) {
                setText(null);
                return;
            }
            setText(StatusDisplay.text(status));
            getStyleClass().add(StatusDisplay.styleClass(status));
        }
    }

    private static final class SeverityCell extends TableCell<Finding, Severity> {
        private static final List<String> CLASSES = Arrays.stream(Severity.values())
                .map(s -> "severity-" + s.id()).toList();

        @Override
        protected void updateItem(Severity severity, boolean empty) {
            super.updateItem(severity, empty);
            getStyleClass().removeAll(CLASSES);
            if (empty || severity == null) {
                setText(null);
                return;
            }
            setText(severity.id());
            getStyleClass().add("severity-" + severity.id());
        }
    }
}
