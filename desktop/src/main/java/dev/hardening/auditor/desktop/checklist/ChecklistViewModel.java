package dev.hardening.auditor.desktop.checklist;

import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.desktop.common.StatusDisplay;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The hardening checklist of one report: its findings grouped by stage or by account, filtered by
 * status, severity and a search text, with counts, the score, the DEMO flag and the selected finding.
 * Plain JavaFX properties, no toolkit needed. Within a group, what needs action comes first, the most
 * severe first.
 */
public final class ChecklistViewModel {
    private static final Comparator<Finding> URGENT_FIRST = Comparator
            .comparing(Finding::status, StatusDisplay.MOST_URGENT_FIRST)
            .thenComparing(Finding::severity)
            .thenComparing(Finding::check)
            .thenComparing(Finding::subject);

    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final ObservableList<Finding> findingsView = FXCollections.unmodifiableObservableList(findings);
    private final ObservableList<Finding> visibleFindings = FXCollections.observableArrayList();
    private final ObservableList<Finding> visibleView = FXCollections.unmodifiableObservableList(visibleFindings);
    private final ObservableList<FindingGroup> groups = FXCollections.observableArrayList();
    private final ObservableList<FindingGroup> groupsView = FXCollections.unmodifiableObservableList(groups);
    private final Map<Status, BooleanProperty> shown = new EnumMap<>(Status.class);
    private final Map<Severity, BooleanProperty> severityShown = new EnumMap<>(Severity.class);
    private final Map<Status, ReadOnlyIntegerWrapper> counts = new EnumMap<>(Status.class);
    private final StringProperty search = new SimpleStringProperty("");
    private final ObjectProperty<Grouping> grouping = new SimpleObjectProperty<>(Grouping.STAGE);
    private final ReadOnlyBooleanWrapper hasReport = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper demo = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyIntegerWrapper score = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper scoreText = new ReadOnlyStringWrapper("Score –");
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper("");
    private final ObjectProperty<Finding> selectedFinding = new SimpleObjectProperty<>();

    public ChecklistViewModel() {
        for (Status status : Status.values()) {
            BooleanProperty property = new SimpleBooleanProperty(true);
            property.addListener((observable, was, now) -> rebuild());
            shown.put(status, property);
            counts.put(status, new ReadOnlyIntegerWrapper(0));
        }
        for (Severity severity : Severity.values()) {
            BooleanProperty property = new SimpleBooleanProperty(true);
            property.addListener((observable, was, now) -> rebuild());
            severityShown.put(severity, property);
        }
        search.addListener((observable, was, now) -> rebuild());
        grouping.addListener((observable, was, now) -> rebuild());
        rebuild();
    }

    /** Shows a report's findings. */
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
        rebuild();
    }

    /** Shows only the given statuses. */
    public void showOnly(Set<Status> statuses) {
        for (Status status : Status.values()) {
            shown.get(status).set(statuses.contains(status));
        }
    }

    public void showAll() {
        showOnly(EnumSet.allOf(Status.class));
        severityShown.values().forEach(p -> p.set(true));
        search.set("");
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

    /** Whether a finding passes the status, severity and search filters. */
    public boolean matches(Finding finding) {
        return shown.get(finding.status()).get() && severityShown.get(finding.severity()).get()
                && matchesSearch(finding, search.get());
    }

    private static boolean matchesSearch(Finding f, String typed) {
        if (typed == null || typed.isBlank()) {
            return true;
        }
        String needle = typed.strip().toLowerCase(Locale.ROOT);
        if (contains(f.title(), needle) || contains(f.subject(), needle) || contains(f.message(), needle)
                || contains(f.check(), needle) || contains(f.status().name(), needle)
                || contains(f.severity().id(), needle) || contains(f.stage().id(), needle)) {
            return true;
        }
        for (Evidence e : f.evidence()) {
            if (contains(e.label(), needle) || contains(e.value(), needle)) {
                return true;
            }
        }
        return false;
    }

    private static boolean contains(String haystack, String needle) {
        return haystack != null && haystack.toLowerCase(Locale.ROOT).contains(needle);
    }

    private void rebuild() {
        List<Finding> visible = findings.stream().filter(this::matches).toList();
        List<FindingGroup> built = switch (grouping.get()) {
            case STAGE -> byStage(visible);
            case ACCOUNT -> byAccount(visible);
            case NONE -> visible.isEmpty() ? List.of() : List.of(new FindingGroup("all", "All items", visible));
        };
        List<Finding> ordered = new ArrayList<>(visible.size());
        built.forEach(g -> ordered.addAll(g.findings()));
        groups.setAll(built);
        visibleFindings.setAll(ordered);
        Finding selected = selectedFinding.get();
        if (selected != null && !matches(selected)) {
            selectedFinding.set(null);
        }
        shownText.set(findings.isEmpty() ? "" : visible.size() + " of " + findings.size() + " shown");
    }

    private static List<FindingGroup> byStage(List<Finding> visible) {
        Map<Stage, List<Finding>> stages = new EnumMap<>(Stage.class);
        visible.forEach(f -> stages.computeIfAbsent(f.stage(), s -> new ArrayList<>()).add(f));
        List<FindingGroup> out = new ArrayList<>();
        stages.forEach((stage, list) -> {
            list.sort(URGENT_FIRST);
            out.add(new FindingGroup("stage:" + stage.id(), capitalised(stage.id()) + ": " + lowerFirst(stage.description()), list));
        });
        return out;
    }

    private static List<FindingGroup> byAccount(List<Finding> visible) {
        Map<String, List<Finding>> accounts = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        visible.forEach(f -> accounts.computeIfAbsent(accountOf(f.subject()), a -> new ArrayList<>()).add(f));
        List<FindingGroup> out = new ArrayList<>();
        accounts.forEach((account, list) -> {
            list.sort(URGENT_FIRST);
            out.add(new FindingGroup("account:" + account, account, list));
        });
        return out;
    }

    /** The account or package a subject belongs to; everything found on this machine is one group. */
    static String accountOf(String subject) {
        if (subject.startsWith("workstation:")) {
            return "workstation (this machine)";
        }
        return subject.isBlank() ? "(no subject)" : subject;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String lowerFirst(String text) {
        return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
    }

    /** Every finding of the report, in the report's order. */
    public ObservableList<Finding> findings() {
        return findingsView;
    }

    /** The findings that pass the filters, in the checklist's order (group by group). */
    public ObservableList<Finding> visibleFindings() {
        return visibleView;
    }

    /** The groups the checklist shows, each with its visible findings. */
    public ObservableList<FindingGroup> groups() {
        return groupsView;
    }

    /** Whether findings with this status are listed; bound to the filter buttons. */
    public BooleanProperty shownProperty(Status status) {
        return shown.get(status);
    }

    /** Whether findings of this severity are listed. */
    public BooleanProperty severityShownProperty(Severity severity) {
        return severityShown.get(severity);
    }

    /** Words to find in titles, subjects, messages, check ids and evidence; blank shows everything. */
    public StringProperty searchProperty() {
        return search;
    }

    public ObjectProperty<Grouping> groupingProperty() {
        return grouping;
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

    /** The finding the detail pane shows; the view keeps it in step with the tree selection. */
    public ObjectProperty<Finding> selectedFindingProperty() {
        return selectedFinding;
    }
}
