package dev.hardening.auditor.desktop.detail;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Incident;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.desktop.common.StatusDisplay;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
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
    private final Consumer<Platform> declare;
    private final VBox content = new VBox();

    public FindingDetailView(FindingDetailViewModel viewModel) {
        this(viewModel, null);
    }

    /** @param declare opens the second-factor declaration for a platform; null for no such button */
    public FindingDetailView(FindingDetailViewModel viewModel, Consumer<Platform> declare) {
        this.viewModel = viewModel;
        this.declare = declare;
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
        FlowPane actions = actions();
        if (!actions.getChildren().isEmpty()) {
            content.getChildren().add(actions);
        }
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

    /** The buttons that act on the finding: open the settings page, declare a second factor. */
    private FlowPane actions() {
        FlowPane actions = new FlowPane();
        actions.getStyleClass().addAll("row", "detail-actions");
        String settings = viewModel.settingsUrlProperty().get();
        if (!settings.isEmpty()) {
            Button open = new Button("_Open settings page");
            open.setId("openSettings");
            open.getStyleClass().add("primary-button");
            open.setTooltip(new Tooltip(settings));
            open.setAccessibleHelp("Opens " + settings + " in the browser");
            open.setOnAction(event -> viewModel.openSettingsPage());
            actions.getChildren().add(open);
        }
        Platform platform = viewModel.declarableProperty().get();
        if (platform != null && declare != null) {
            Button attest = new Button("_Declare the second factor…");
            attest.setId("declareSecondFactor");
            attest.setAccessibleHelp("Declares which second factor protects your " + platform.displayName() + " account, with today's date");
            attest.setOnAction(event -> declare.accept(platform));
            actions.getChildren().add(attest);
        }
        return actions;
    }

    private VBox header(Finding finding) {
        Label status = new Label(viewModel.statusTextProperty().get());
        status.setId("detailStatus");
        status.getStyleClass().addAll("status-badge", StatusDisplay.styleClass(finding.status()));
        Label severity = new Label(viewModel.severityTextProperty().get());
        severity.getStyleClass().addAll("severity-badge", "severity-" + finding.severity().id());
        HBox badges = new HBox(status, severity);
        badges.getStyleClass().add("row");
        badges.setAlignment(Pos.CENTER_LEFT);
        Label title = wrapped(viewModel.titleProperty().get(), "detail-title");
        title.setId("detailTitle");
        Label subject = wrapped(viewModel.subjectProperty().get(), "detail-subject");
        Label check = wrapped(viewModel.checkLineProperty().get(), "detail-meta");
        VBox header = new VBox(badges, title, subject, check);
        header.getStyleClass().add("stack-tight");
        return header;
    }

    private GridPane evidenceGrid(List<Evidence> evidence) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("evidence-grid");
        ColumnConstraints labels = new ColumnConstraints();
        // At most a third of the pane: long labels wrap instead of squeezing the values.
        labels.setPercentWidth(33);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, values);
        int row = 0;
        for (Evidence item : evidence) {
            Label label = wrapped(item.label(), "evidence-label");
            VBox value = new VBox(wrapped(item.value(), "evidence-value"));
            if (!item.source().isBlank()) {
                value.getChildren().add(wrapped(item.source(), "evidence-source"));
            }
            grid.addRow(row++, label, value);
        }
        return grid;
    }

    private VBox whyBox() {
        VBox box = new VBox();
        box.getStyleClass().add("stack-tight");
        if (!viewModel.whyProperty().get().isBlank()) {
            box.getChildren().add(wrapped(viewModel.whyProperty().get(), "detail-why"));
        }
        for (Incident incident : viewModel.incidents()) {
            String text = incident.summary().isBlank() ? incident.name() : incident.name() + ": " + incident.summary();
            VBox item = new VBox(wrapped("• " + text, "incident"));
            if (!incident.url().isBlank()) {
                item.getChildren().add(link(incident.url(), incident.url()));
            }
            box.getChildren().add(item);
        }
        return box;
    }

    private VBox remediationBox(List<RemediationStep> steps) {
        VBox box = new VBox();
        box.getStyleClass().add("stack");
        for (int i = 0; i < steps.size(); i++) {
            RemediationStep step = steps.get(i);
            VBox item = new VBox(wrapped((i + 1) + ". " + step.text(), "remediation-text"));
            item.getStyleClass().addAll("remediation-step", "stack-tight");
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
        HBox row = new HBox(command, copy);
        row.getStyleClass().add("row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private VBox referencesBox(List<Reference> references) {
        VBox box = new VBox();
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
        VBox section = new VBox(heading, body);
        section.getStyleClass().add("detail-section");
        return section;
    }

    private static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        label.getStyleClass().add(styleClass);
        label.setMinHeight(Label.USE_PREF_SIZE);
        return label;
    }
}
