package dev.hardening.auditor.desktop.checklist;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.common.Nodes;
import dev.hardening.auditor.desktop.common.StatusDisplay;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableCell;
import javafx.scene.control.TreeTableColumn;
import javafx.scene.control.TreeTableRow;
import javafx.scene.control.TreeTableView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The checklist: status and severity filters, a search field and the grouping above a tree of
 * findings (virtualized: only the visible rows have cells, so thousands of findings scroll
 * smoothly). Arrow keys move through it, Left and Right fold a group; the selected finding fills
 * the detail pane.
 */
public final class ChecklistView extends VBox {
    private final ChecklistViewModel viewModel;
    private final TreeTableView<ChecklistRow> tree = new TreeTableView<>();
    private final TextField search = new TextField();
    private final Map<String, Boolean> collapsed = new HashMap<>();
    /** A label in the body font: column widths are measured in its em. */
    private final Label statusLabel = new Label("Status:");

    public ChecklistView(ChecklistViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("checklist");
        setId("checklistPane");
        VBox.setVgrow(tree, Priority.ALWAYS);
        // At large text sizes the filters wrap onto many lines: they scroll within at most 40% of the
        // height, so the findings always keep the larger part of the pane.
        VBox bars = new VBox(statusBar(), refineBar());
        bars.getStyleClass().add("filter-bars");
        ScrollPane filters = new ScrollPane(bars);
        filters.setId("checklistFilters");
        filters.getStyleClass().add("filters-scroll");
        filters.setFitToWidth(true);
        filters.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        filters.setFocusTraversable(false);
        filters.setMinHeight(0);
        filters.maxHeightProperty().bind(heightProperty().multiply(0.4));
        getChildren().addAll(filters, tree);
        buildTree();
    }

    /** The tree, so the window can give it focus. */
    public TreeTableView<ChecklistRow> tree() {
        return tree;
    }

    /** The search field (Ctrl+F). */
    public TextField searchField() {
        return search;
    }

    private FlowPane statusBar() {
        FlowPane bar = new FlowPane();
        bar.getStyleClass().addAll("filter-bar", "row");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().add(Nodes.unsqueezable(statusLabel));
        for (Status status : Status.values()) {
            bar.getChildren().add(Nodes.unsqueezable(statusToggle(status)));
        }
        Button all = new Button("Show _all");
        all.setId("showAll");
        all.setOnAction(event -> viewModel.showAll());
        Button needsAction = new Button("_Needs action");
        needsAction.setId("showNeedsAction");
        needsAction.setOnAction(event -> viewModel.showNeedsAction());
        bar.getChildren().addAll(Nodes.unsqueezable(all), Nodes.unsqueezable(needsAction));
        return bar;
    }

    private FlowPane refineBar() {
        FlowPane bar = new FlowPane();
        bar.getStyleClass().addAll("filter-bar", "row");
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getChildren().add(Nodes.unsqueezable(new Label("Severity:")));
        for (Severity severity : Severity.values()) {
            ToggleButton toggle = new ToggleButton(severity.id());
            toggle.setId("severity-" + severity.id());
            toggle.setMnemonicParsing(false);
            toggle.getStyleClass().addAll("severity-filter", "severity-" + severity.id());
            toggle.selectedProperty().bindBidirectional(viewModel.severityShownProperty(severity));
            toggle.setAccessibleText("Show " + severity.id() + " findings");
            bar.getChildren().add(Nodes.unsqueezable(toggle));
        }

        search.setId("checklistSearch");
        search.setPromptText("Find (Ctrl+F): title, account, message, evidence");
        search.setAccessibleText("Find in the checklist");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        search.setPrefColumnCount(22);

        ComboBox<Grouping> grouping = new ComboBox<>(FXCollections.observableArrayList(Grouping.values()));
        grouping.setId("checklistGrouping");
        grouping.setAccessibleText("Group the checklist by");
        grouping.setConverter(new StringConverter<>() {
            @Override
            public String toString(Grouping g) {
                return g == null ? "" : g.displayName();
            }

            @Override
            public Grouping fromString(String text) {
                return Arrays.stream(Grouping.values()).filter(g -> g.displayName().equals(text)).findFirst().orElse(null);
            }
        });
        grouping.valueProperty().bindBidirectional(viewModel.groupingProperty());
        Label groupBy = new Label("Group by:");
        groupBy.setLabelFor(grouping);

        Label shown = new Label();
        shown.setId("shownCount");
        shown.getStyleClass().add("shown-count");
        shown.textProperty().bind(viewModel.shownTextProperty());
        HBox searchBox = new HBox(search);
        searchBox.getStyleClass().add("row");
        bar.getChildren().addAll(searchBox, Nodes.unsqueezable(groupBy), Nodes.unsqueezable(grouping),
                Nodes.unsqueezable(shown));
        return bar;
    }

    private ToggleButton statusToggle(Status status) {
        ToggleButton toggle = new ToggleButton();
        toggle.setId("filter-" + StatusDisplay.styleClass(status));
        toggle.setMnemonicParsing(false);
        toggle.getStyleClass().addAll("status-filter", StatusDisplay.styleClass(status));
        toggle.textProperty().bind(viewModel.countProperty(status).asString(StatusDisplay.text(status) + " %d"));
        toggle.selectedProperty().bindBidirectional(viewModel.shownProperty(status));
        toggle.setAccessibleText("Show " + StatusDisplay.word(status) + " findings");
        return toggle;
    }

    private void buildTree() {
        tree.setId("checklist");
        tree.getStyleClass().add("checklist-table");
        tree.setShowRoot(false);
        tree.setRoot(new TreeItem<>());
        tree.setColumnResizePolicy(TreeTableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        tree.setPlaceholder(Nodes.wrapped("No findings yet. Try the demo (on the Setup screen) or run an audit to see"
                + " a checklist.", "muted"));

        TreeTableColumn<ChecklistRow, String> title = column("Item", row -> row.isGroup() ? row.group().header()
                : row.finding().title());
        Nodes.emWidth(title, statusLabel, 28);
        // The item's title is what the list is for: it never shrinks below a readable width, at any text size.
        Nodes.minEmWidth(title, statusLabel, 12);
        TreeTableColumn<ChecklistRow, Status> status = column("Status", row -> row.isGroup() ? null : row.finding().status());
        status.setCellFactory(c -> new StatusCell());
        Nodes.fixedEmWidth(status, statusLabel, 7.5);
        TreeTableColumn<ChecklistRow, Severity> severity = column("Severity", row -> row.isGroup() ? null
                : row.finding().severity());
        severity.setCellFactory(c -> new SeverityCell());
        Nodes.fixedEmWidth(severity, statusLabel, 6);
        TreeTableColumn<ChecklistRow, String> subject = column("Account or package", row -> row.isGroup() ? ""
                : row.finding().subject());
        Nodes.emWidth(subject, statusLabel, 16);
        Nodes.minEmWidth(subject, statusLabel, 6);
        List.of(title, status, severity, subject).forEach(c -> c.setSortable(false));
        tree.getColumns().add(title);
        tree.getColumns().add(status);
        tree.getColumns().add(severity);
        tree.getColumns().add(subject);
        tree.setTreeColumn(title);
        tree.setRowFactory(t -> new GroupAwareRow());

        viewModel.groups().addListener((ListChangeListener<FindingGroup>) change -> fill());
        fill();

        tree.getSelectionModel().selectedItemProperty().addListener((observable, was, now) -> {
            if (now != null && now.getValue() != null && !now.getValue().isGroup()) {
                viewModel.selectedFindingProperty().set(now.getValue().finding());
            }
        });
        viewModel.selectedFindingProperty().addListener((observable, was, now) -> select(now));
    }

    private void fill() {
        TreeItem<ChecklistRow> root = tree.getRoot();
        for (TreeItem<ChecklistRow> group : root.getChildren()) {
            collapsed.put(group.getValue().group().key(), !group.isExpanded());
        }
        List<TreeItem<ChecklistRow>> groups = viewModel.groups().stream().map(group -> {
            TreeItem<ChecklistRow> item = new TreeItem<>(ChecklistRow.of(group));
            item.getChildren().setAll(group.findings().stream().map(f -> new TreeItem<>(ChecklistRow.of(f))).toList());
            item.setExpanded(!collapsed.getOrDefault(group.key(), false));
            return item;
        }).toList();
        root.getChildren().setAll(groups);
        select(viewModel.selectedFindingProperty().get());
    }

    private void select(Finding finding) {
        if (finding == null) {
            tree.getSelectionModel().clearSelection();
            return;
        }
        TreeItem<ChecklistRow> selected = tree.getSelectionModel().getSelectedItem();
        if (selected != null && selected.getValue() != null && finding.equals(selected.getValue().finding())) {
            return;
        }
        for (TreeItem<ChecklistRow> group : tree.getRoot().getChildren()) {
            for (TreeItem<ChecklistRow> item : group.getChildren()) {
                if (finding.equals(item.getValue().finding())) {
                    group.setExpanded(true);
                    tree.getSelectionModel().select(item);
                    int row = tree.getRow(item);
                    if (row >= 0) {
                        tree.scrollTo(Math.max(0, row - 3));
                    }
                    return;
                }
            }
        }
    }

    private static <T> TreeTableColumn<ChecklistRow, T> column(String name, Function<ChecklistRow, T> value) {
        TreeTableColumn<ChecklistRow, T> column = new TreeTableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().getValue() == null ? null
                : value.apply(cell.getValue().getValue())));
        return column;
    }

    /** Group headers get their own style (bold, on the raised surface). */
    private static final class GroupAwareRow extends TreeTableRow<ChecklistRow> {
        @Override
        protected void updateItem(ChecklistRow row, boolean empty) {
            super.updateItem(row, empty);
            getStyleClass().remove("group-row");
            if (!empty && row != null && row.isGroup()) {
                getStyleClass().add("group-row");
            }
        }
    }

    /** Icon and word, coloured by CSS: the colour is never the only signal. */
    private static final class StatusCell extends TreeTableCell<ChecklistRow, Status> {
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

    private static final class SeverityCell extends TreeTableCell<ChecklistRow, Severity> {
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
