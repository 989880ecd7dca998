package dev.hardening.auditor.desktop.team;

import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.common.Nodes;
import dev.hardening.auditor.desktop.common.StatusDisplay;
import dev.hardening.auditor.desktop.system.FileDialogs;
import dev.hardening.auditor.desktop.team.TeamMatrix.Badge;
import dev.hardening.auditor.desktop.team.TeamMatrix.PublisherRow;
import java.util.List;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The Team screen: publishers (rows) × packages (columns), with the badges of the person behind each
 * account in words and icons. Imported members' signed snapshots fill in the people.
 */
public final class TeamMatrixView extends VBox {
    private final TeamMatrixViewModel viewModel;
    private final TableView<PublisherRow> matrix = new TableView<>();
    /** In the body font: column widths are measured in its em. */
    private final Label explanation = Nodes.wrapped("Who can publish each package, and how hardened each publisher is."
            + " Badges come from each person's self-audit: your latest audit here, and members' signed snapshots you"
            + " import (members run 'auditor snapshot --export FILE'; you register their key once with"
            + " 'auditor team add-member').", "muted");

    public TeamMatrixView(TeamMatrixViewModel viewModel, FileDialogs files) {
        this.viewModel = viewModel;
        getStyleClass().addAll("screen", "team-screen");
        setId("teamScreen");

        Label message = Nodes.wrapped("", "lead");
        message.setId("teamMessage");
        message.textProperty().bind(viewModel.messageProperty());
        Button importFiles = new Button("_Import signed snapshots…");
        importFiles.setId("teamImport");
        importFiles.setOnAction(event -> viewModel.importFiles(files.openMany("Members' signed snapshots",
                "Signed snapshots", List.of(".json"))));
        importFiles.setAccessibleHelp("Adds members' self-audits, verified against the keys registered with"
                + " 'auditor team add-member'");

        ListView<String> sources = new ListView<>(viewModel.sources());
        sources.setId("teamSources");
        sources.getStyleClass().add("compact-list");
        ListView<String> refused = new ListView<>(viewModel.refused());
        refused.setId("teamRefused");
        refused.getStyleClass().add("compact-list");
        refused.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(viewModel.refused()));
        refused.managedProperty().bind(refused.visibleProperty());

        buildMatrix();
        VBox.setVgrow(matrix, Priority.ALWAYS);
        getChildren().addAll(Nodes.screenTitle("Team"),
                explanation,
                message, new HBox(importFiles), matrix, Nodes.heading("Built from"), sources, refused);
    }

    public TableView<PublisherRow> matrix() {
        return matrix;
    }

    private void buildMatrix() {
        matrix.setId("teamMatrix");
        matrix.setItems(viewModel.rows());
        matrix.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        matrix.setPlaceholder(Nodes.wrapped("No publishers yet.", "muted"));
        viewModel.packages().addListener((ListChangeListener<String>) change -> columns());
        columns();
    }

    private void columns() {
        matrix.getColumns().clear();
        TableColumn<PublisherRow, String> publisher = text("Publisher", PublisherRow::label);
        Nodes.emWidth(publisher, explanation, 12);
        TableColumn<PublisherRow, String> member = text("Person", r -> r.member().orElse("no self-audit"));
        Nodes.emWidth(member, explanation, 11);
        matrix.getColumns().add(publisher);
        matrix.getColumns().add(member);
        matrix.getColumns().add(badge("Second factor", PublisherRow::secondFactor));
        matrix.getColumns().add(badge("Long-lived tokens", PublisherRow::longLivedTokens));
        matrix.getColumns().add(badge("Signing keys", PublisherRow::signing));
        matrix.getColumns().add(badge("Breached addresses", PublisherRow::breached));
        for (String subject : viewModel.packages()) {
            TableColumn<PublisherRow, String> column = text(subject, r -> r.publishCell(subject));
            column.getStyleClass().add("package-column");
            Nodes.emWidth(column, explanation, 15);
            matrix.getColumns().add(column);
        }
    }

    private TableColumn<PublisherRow, Badge> badge(String name, Function<PublisherRow, Badge> value) {
        TableColumn<PublisherRow, Badge> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setCellFactory(c -> new BadgeCell());
        column.setSortable(false);
        Nodes.emWidth(column, explanation, 12);
        return column;
    }

    private static TableColumn<PublisherRow, String> text(String name, Function<PublisherRow, String> value) {
        TableColumn<PublisherRow, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /** Icon and words, coloured by the status class: the colour is never the only signal. */
    private static final class BadgeCell extends TableCell<PublisherRow, Badge> {
        @Override
        protected void updateItem(Badge badge, boolean empty) {
            super.updateItem(badge, empty);
            getStyleClass().removeAll(StatusDisplay.allStyleClasses());
            getStyleClass().remove("badge-cell");
            if (empty || badge == null) {
                setText(null);
                setTooltip(null);
                return;
            }
            setText(badge.display());
            // The full words when the column is narrower than they are.
            setTooltip(new Tooltip(badge.display()));
            getStyleClass().add("badge-cell");
            Status status = badge.status().orElse(Status.NOT_APPLICABLE);
            getStyleClass().add(StatusDisplay.styleClass(status));
        }
    }
}
