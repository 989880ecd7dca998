package dev.hardening.auditor.desktop.checklist;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The hardening checklist of one report: its findings, which statuses are shown, the score, the
 * DEMO flag and the selected finding. Plain JavaFX properties, no toolkit needed.
 */
public final class ChecklistViewModel {
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final FilteredList<Finding> visibleFindings = new FilteredList<>(findings);
    private final Map<Status, BooleanProperty> shown = new EnumMap<>(Status.class);
    private final Map<Status, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Status.class);
    private final ReadOnlyBooleanWrapper hasReport = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper score = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper scoreText = new ReadOnlyStringWrapper("Score –");
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Finding> selectedFinding = new SimpleObjectProperty<>();

    public ChecklistViewModel() {
        for (Status status : Status.values()) {
            BooleanProperty property = new SimpleBooleanProperty(true);
            property.addListener((observable, was, now) -> applyFilter());
            shown.put(status, property);
            counts.put(status, new ReadOnlyIntegerWrapper(0));
        }
        applyFilter();
    }

    /** Shows a report's findings, in the report's order. */
    public void show(AuditReport report) {
        selectedFinding.set(null);
        findings.setAll(report.findings());
        for (Status status : Status.values()) {
            counts.get(status).set(report.summary().getOrDefault(status, 0));
        }
        demo.set(report.demo());
        score.set(report.score());
        scoreText.set("Score " + report.score() + " / 100");
        hasReport.set(true);
        refreshShownText();
    }

    /** Shows only the given statuses. */
    public void showOnly(Set<Status> statuses) {
        for (Status status : Status.values()) {
            shown.get(status).set(statuses.contains(status));
        }
    }

    public void showAll() {
        showOnly(EnumSet.allOf(Status.class));
    }

    /** FAIL and WARN: what needs doing now. */
    public void showNeedsAction() {
        EnumSet<Status> needsAction = EnumSet.noneOf(Status.class);
        for (Status status : Status.values()) {
            if (status.needsAction()) {
                needsAction.add(status);
            }
        }
        showOnly(needsAction);
    }

    private void applyFilter() {
        visibleFindings.setPredicate(finding -> shown.get(finding.status()).get());
        Finding selected = selectedFinding.get();
        if (selected != null && !visibleFindings.contains(selected)) {
            selectedFinding.set(null);
        }
        refreshShownText();
    }

    private void refreshShownText() {
        shownText.set(findings.isEmpty() ? "" : visibleFindings.size() + " of " + findings.size() + " shown");
    }

    /** Every finding of the report. */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** The findings whose status is shown; the table lists these. */
    public ObservableList<Finding> visibleFindings() {
        return visibleFindings;
    }

    /** Whether findings with this status are listed; bound to the filter buttons. */
    public BooleanProperty shownProperty(Status status) {
        return shown.get(status);
    }

    /** How many findings of the report have this status. */
    public ReadOnlyIntegerProperty countProperty(Status status) {
        return counts.get(status).getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty hasReportProperty() {
        return hasReport.getReadOnlyProperty();
    }

    /** True when the report comes from the bundled demo world. */
    public ReadOnlyBooleanProperty demoProperty() {
        return demo.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty scoreProperty() {
        return score.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty scoreTextProperty() {
        return scoreText.getReadOnlyProperty();
    }

    /** E.g. {@code 4 of 6 shown}; empty without findings. */
    public ReadOnlyStringProperty shownTextProperty() {
        return shownText.getReadOnlyProperty();
    }

    /** The finding the detail pane shows; the view keeps it in step with the table selection. */
    public ObjectProperty<Finding> selectedFindingProperty() {
        return selectedFinding;
    }
}
