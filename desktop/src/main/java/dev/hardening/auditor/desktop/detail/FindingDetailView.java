package dev.hardening.auditor.desktop.detail;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Incident;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.desktop.common.StatusDisplay;
import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * The detail pane of the selected finding. Rebuilt whenever the selection changes: a detail is
 * a handful of nodes, so there is nothing to virtualize.
 */
public final class FindingDetailView extends ScrollPane {
    private final FindingDetailViewModel viewModel;
    private final VBox content = new VBox(10);

    public FindingDetailView(FindingDetailViewModel viewModel) {
        this.viewModel = viewModel;
        getStyleClass().add("detail-scroll");
        setFitToWidth(true);
        content.setId("detail");
        content.getStyleClass().add("detail");
        setContent(content);
        // An invalidation listener: re-showing an equal finding must still rebuild the pane.
        viewModel.findingProperty().addListener(observable -> rebuild());
        rebuild();
    }

    private void rebuild() {
        Finding finding = viewModel.findingProperty().get();
        content.getChildren().clear();
        if (finding == null) {
            Label placeholder = new Label("Select a finding to see its evidence and how to fix it.");
            placeholder.getStyleClass().add("detail-placeholder");
            placeholder.setWrapText(true);
            content.getChildren().add(placeholder);
            return;
        }
        content.getChildren().add(header(finding));
        content.getChildren().add(wrapped(viewModel.messageProperty().get(), "detail-message"));
        if (viewModel.showNeededProperty().get()) {
            content.getChildren().add(section("Needed to decide",
                    wrapped(viewModel.neededProperty().get(), "detail-needed")));
        }
        if (!viewModel.evidence().isEmpty()) {
            content.getChildren().add(section("Evidence", evidenceGrid(viewModel.evidence())));
        }
        if (!viewModel.whyProperty().get().isBlank() || !viewModel.incidents().isEmpty()) {
            content.getChildren().add(section("Why it matters", whyBox()));
        }
        if (!viewModel.remediation().isEmpty()) {
            content.getChildren().add(section("How to fix", remediationBox(viewModel.remediation())));
        }
        if (!viewModel.references().isEmpty()) {
            content.getChildren().add(section("References", referencesBox(viewModel.references())));
        }
        Label notice = new Label();
        notice.setId("detailNotice");
        notice.getStyleClass().add("detail-notice");
        notice.textProperty().bind(viewModel.noticeProperty());
        content.getChildren().add(notice);
        setVvalue(0);
    }

    private VBox header(Finding finding) {
        Label status = new Label(viewModel.statusTextProperty().get());
        status.setId("detailStatus");
        status.getStyleClass().addAll("status-badge", StatusDisplay.styleClass(finding.status()));
        Label severity = new Label(viewModel.severityTextProperty().get());
        severity.getStyleClass().addAll("severity-badge", "severity-" + finding.severity().id());
        HBox badges = new HBox(8, status, severity);
        badges.setAlignment(Pos.CENTER_LEFT);
        Label title = wrapped(viewModel.titleProperty().get(), "detail-title");
        title.setId("detailTitle");
        Label subject = wrapped(viewModel.subjectProperty().get(), "detail-subject");
        Label check = wrapped(viewModel.checkLineProperty().get(), "detail-meta");
        return new VBox(4, badges, title, subject, check);
    }

    private GridPane evidenceGrid(List<Evidence> evidence) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("evidence-grid");
        grid.setHgap(12);
        grid.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMaxWidth(220);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (Evidence item : evidence) {
            Label label = wrapped(item.label(), "evidence-label");
            VBox value = new VBox(2, wrapped(item.value(), "evidence-value"));
            if (!item.source().isBlank()) {
                value.getChildren().add(wrapped(item.source(), "evidence-source"));
            }
            grid.addRow(row++, label, value);
        }
        return grid;
    }

    private VBox whyBox() {
        VBox box = new VBox(6);
        if (!viewModel.whyProperty().get().isBlank()) {
            box.getChildren().add(wrapped(viewModel.whyProperty().get(), "detail-why"));
        }
        for (Incident incident : viewModel.incidents()) {
            String text = incident.summary().isBlank() ? incident.name() : incident.name() + ": " + incident.summary();
            VBox item = new VBox(2, wrapped("• " + text, "incident"));
            if (!incident.url().isBlank()) {
                item.getChildren().add(link(incident.url(), incident.url()));
            }
            box.getChildren().add(item);
        }
        return box;
    }

    private VBox remediationBox(List<RemediationStep> steps) {
        VBox box = new VBox(8);
        for (int i = 0; i < steps.size(); i++) {
            RemediationStep step = steps.get(i);
            VBox item = new VBox(4, wrapped((i + 1) + ". " + step.text(), "remediation-text"));
            item.getStyleClass().add("remediation-step");
            if (!step.url().isBlank()) {
                item.getChildren().add(link(step.url(), step.url()));
            }
            if (!step.command().isBlank()) {
                item.getChildren().add(commandRow(step, i + 1));
            }
            box.getChildren().add(item);
        }
        return box;
    }

    private HBox commandRow(RemediationStep step, int number) {
        TextField command = new TextField(step.command());
        command.setEditable(false);
        command.getStyleClass().add("command");
        HBox.setHgrow(command, Priority.ALWAYS);
        Button copy = new Button("Copy");
        copy.getStyleClass().add("copy-command");
        copy.setAccessibleText("Copy the command of step " + number);
        copy.setTooltip(new Tooltip("Copy the command to the clipboard"));
        copy.setOnAction(event -> viewModel.copyCommand(step));
        HBox row = new HBox(6, command, copy);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox referencesBox(List<Reference> references) {
        VBox box = new VBox(2);
        for (Reference reference : references) {
            box.getChildren().add(link(reference.title(), reference.url()));
        }
        return box;
    }

    private Hyperlink link(String text, String url) {
        Hyperlink link = new Hyperlink(text);
        link.setMnemonicParsing(false);
        link.setWrapText(true);
        link.setTooltip(new Tooltip(url));
        link.setOnAction(event -> viewModel.openLink(url));
        return link;
    }

    private static VBox section(String title, Node body) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        VBox section = new VBox(4, heading, body);
        section.getStyleClass().add("detail-section");
        return section;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        label.getStyleClass().add(styleClass);
        return label;
    }
}
