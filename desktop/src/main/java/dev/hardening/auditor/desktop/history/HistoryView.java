package dev.hardening.auditor.desktop.history;

import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.desktop.common.Nodes;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/** The History screen: a line chart of the score per snapshot, and the diff of two chosen snapshots. */
public final class HistoryView extends VBox {
    private final HistoryViewModel viewModel;
    private final LineChart<String, Number> chart;
    private final XYChart.Series<String, Number> series = new XYChart.Series<>();

    public HistoryView(HistoryViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().addAll("screen", "history-screen");
        setId("historyScreen");

        CategoryAxis when = new CategoryAxis();
        when.setLabel("Snapshot");
        NumberAxis score = new NumberAxis(0, 100, 10);
        score.setLabel("Score (0–100)");
        chart = new LineChart<>(when, score);
        chart.setId("historyChart");
        chart.setTitle("Score over time");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setMinHeight(Label.USE_PREF_SIZE);
        series.setName("Score");
        chart.getData().add(series);
        viewModel.points().addListener((ListChangeListener<HistoryViewModel.ScorePoint>) change -> plot());
        plot();

        Label message = Nodes.wrapped("", "muted");
        message.setId("historyMessage");
        message.textProperty().bind(viewModel.messageProperty());

        ComboBox<SnapshotSummary> before = chooser("historyBefore", "Older snapshot");
        before.valueProperty().bindBidirectional(viewModel.beforeProperty());
        ComboBox<SnapshotSummary> after = chooser("historyAfter", "Newer snapshot");
        after.valueProperty().bindBidirectional(viewModel.afterProperty());
        Button compare = new Button("Co_mpare");
        compare.setId("historyCompare");
        compare.setOnAction(event -> viewModel.compare());
        Button reload = new Button("_Reload");
        reload.setId("historyReload");
        reload.setOnAction(event -> viewModel.refresh());
        Label from = new Label("Compare");
        from.setLabelFor(before);
        FlowPane choose = new FlowPane(Nodes.unsqueezable(from), before, Nodes.unsqueezable(new Label("with")), after,
                Nodes.unsqueezable(compare), Nodes.unsqueezable(reload));
        choose.getStyleClass().add("row");
        choose.setAlignment(Pos.CENTER_LEFT);

        Label summary = Nodes.wrapped("", "lead");
        summary.setId("historyDiffSummary");
        summary.textProperty().bind(viewModel.diffSummaryProperty());
        ListView<DiffLine> diff = new ListView<>(viewModel.diff());
        diff.setId("historyDiff");
        diff.setCellFactory(list -> new DiffCell());
        diff.setPlaceholder(new Label("No differences to show."));
        VBox.setVgrow(diff, Priority.ALWAYS);

        getChildren().addAll(Nodes.screenTitle("History"), message, chart, Nodes.heading("What changed"), choose,
                summary, diff);
    }

    private void plot() {
        series.getData().setAll(viewModel.points().stream()
                .map(p -> new XYChart.Data<String, Number>(p.label(), p.score())).toList());
    }

    public LineChart<String, Number> chart() {
        return chart;
    }

    private ComboBox<SnapshotSummary> chooser(String id, String accessibleText) {
        ComboBox<SnapshotSummary> box = new ComboBox<>(viewModel.snapshots());
        box.setId(id);
        box.setAccessibleText(accessibleText);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(SnapshotSummary s) {
                return s == null ? "" : viewModel.label(s) + " · score " + s.score();
            }

            @Override
            public SnapshotSummary fromString(String text) {
                return viewModel.snapshots().stream().filter(s -> toString(s).equals(text)).findFirst().orElse(null);
            }
        });
        return box;
    }

    /** The kind in words and an icon, coloured by CSS: never colour alone. */
    private static final class DiffCell extends ListCell<DiffLine> {
        @Override
        protected void updateItem(DiffLine line, boolean empty) {
            super.updateItem(line, empty);
            getStyleClass().removeIf(c -> c.startsWith("diff-"));
            if (empty || line == null) {
                setText(null);
                return;
            }
            setText(line.display());
            setWrapText(true);
            getStyleClass().add("diff-" + line.kind().name().toLowerCase(Locale.ROOT).replace('_', '-'));
        }
    }
}
