package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.desktop.common.Nodes;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Run screen: what is being audited, the progress bar and status line, one row per source with
 * its requests and checks, and cancel (which stops at once; what finished is kept).
 */
public final class RunView extends VBox {
    private final AuditRunViewModel viewModel;
    private final TableView<SourceProgress> sources = new TableView<>();
    private final Button cancel = new Button("Canc_el");
    /** In the body font: column widths are measured in its em. */
    private final Label status = Nodes.wrapped("", "status-line");

    /** @param openChecklist shows the checklist screen */
    public RunView(AuditRunViewModel viewModel, Runnable openChecklist) {
        this.viewModel = viewModel;
        getStyleClass().addAll("screen", "run-screen");
        setId("runScreen");

        Label what = Nodes.wrapped("", "lead");
        what.setId("runLabel");
        what.textProperty().bind(viewModel.runLabelProperty());

        ProgressBar bar = new ProgressBar(0);
        bar.setId("runProgress");
        bar.setMaxWidth(Double.MAX_VALUE);
        bar.progressProperty().bind(viewModel.progress().progressProperty());
        bar.setAccessibleText("Audit progress");
        status.setId("runStatus");
        status.textProperty().bind(viewModel.progress().statusLineProperty());

        cancel.setId("runCancel");
        cancel.disableProperty().bind(viewModel.canCancelProperty().not());
        cancel.setOnAction(event -> viewModel.cancel());
        cancel.setAccessibleHelp("Stops the audit at once; finished findings are kept (Escape)");
        Button again = new Button("_Run again");
        again.setId("runAgain");
        again.disableProperty().bind(viewModel.canStartProperty().not());
        again.setOnAction(event -> viewModel.restart());
        Button checklist = new Button("_Open the checklist");
        checklist.setId("runOpenChecklist");
        checklist.disableProperty().bind(viewModel.reportProperty().isNull());
        checklist.setOnAction(event -> openChecklist.run());
        FlowPane buttons = new FlowPane(Nodes.unsqueezable(cancel), Nodes.unsqueezable(again), Nodes.unsqueezable(checklist));
        buttons.getStyleClass().add("row");
        buttons.setAlignment(Pos.CENTER_LEFT);

        buildTable();
        VBox.setVgrow(sources, Priority.ALWAYS);
        HBox progressRow = new HBox(bar);
        HBox.setHgrow(bar, Priority.ALWAYS);
        getChildren().addAll(Nodes.screenTitle("Run"), what, progressRow, status, buttons,
                Nodes.heading("Sources"), sources);
    }

    /** The table of sources, for the window's focus. */
    public TableView<SourceProgress> sourcesTable() {
        return sources;
    }

    public Button cancelButton() {
        return cancel;
    }

    private void buildTable() {
        sources.setId("runSources");
        sources.setItems(viewModel.progress().sources());
        // Columns keep their width in em (they grow with the text size); the table scrolls when narrow.
        sources.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        sources.setPlaceholder(new Label("No audit has run yet."));
        sources.getColumns().add(column("Source", s -> s.platform().displayName(), 11));
        sources.getColumns().add(column("State", s -> s.state(viewModel.runningProperty().get()), 15));
        sources.getColumns().add(column("Requests", s -> Integer.toString(s.requestsDone()), 6.5));
        sources.getColumns().add(column("In flight", s -> Integer.toString(s.inFlight()), 6));
        sources.getColumns().add(column("Failed", s -> Integer.toString(s.failed()), 5));
        sources.getColumns().add(column("Checks done", s -> Integer.toString(s.checksDone()), 8));
        sources.getColumns().add(column("Checks running", s -> Integer.toString(s.checksRunning()), 9.5));
        // The state word depends on whether the audit still runs: refresh when that changes.
        viewModel.runningProperty().addListener((observable, was, now) -> sources.refresh());
    }

    private TableColumn<SourceProgress, String> column(String name, Function<SourceProgress, String> value,
                                                       double widthEm) {
        TableColumn<SourceProgress, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        Nodes.emWidth(column, status, widthEm);
        return column;
    }
}
