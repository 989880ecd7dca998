package dev.hardening.auditor.desktop.detail;

import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Incident;
import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.core.model.Reference;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.common.StatusDisplay;
import dev.hardening.auditor.desktop.system.LinkOpener;
import dev.hardening.auditor.desktop.system.TextClipboard;
import dev.hardening.auditor.desktop.system.WebLinks;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Everything the detail pane says about one finding: the verdict, the message, what an UNKNOWN
 * needs, the evidence, why it matters (from the check's metadata), how to fix it and the
 * references. Opening links and copying commands go through injected services.
 */
public final class FindingDetailViewModel {
    static final String MFA_METHOD_CHECK = "account.mfa-method";

    private final CheckCatalog catalog;
    private final LinkOpener links;
    private final TextClipboard clipboard;

    private final ReadOnlyObjectWrapper<Finding> finding = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper empty = new ReadOnlyBooleanWrapper(true);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper statusText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper severityText = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper subject = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper checkLine = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper needed = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper showNeeded = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper why = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper settingsUrl = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Platform> declarable = new ReadOnlyObjectWrapper<>();
    private final ObservableList<Evidence> evidence = FXCollections.observableArrayList();
    private final ObservableList<Incident> incidents = FXCollections.observableArrayList();
    private final ObservableList<RemediationStep> remediation = FXCollections.observableArrayList();
    private final ObservableList<Reference> references = FXCollections.observableArrayList();
    // Read-only views made once: a fresh wrapper per call would drop listeners when it is collected.
    private final ObservableList<Evidence> evidenceView = FXCollections.unmodifiableObservableList(evidence);
    private final ObservableList<Incident> incidentsView = FXCollections.unmodifiableObservableList(incidents);
    private final ObservableList<RemediationStep> remediationView =
            FXCollections.unmodifiableObservableList(remediation);
    private final ObservableList<Reference> referencesView = FXCollections.unmodifiableObservableList(references);

    public FindingDetailViewModel(CheckCatalog catalog, LinkOpener links, TextClipboard clipboard) {
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.links = Objects.requireNonNull(links, "links");
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
    }

    /** Shows a finding; {@code null} clears the pane. */
    public void show(Finding selected) {
        notice.set("");
        if (selected == null) {
            clear();
            return;
        }
        Optional<CheckMetadata> metadata = catalog.find(selected.check());
        title.set(selected.title());
        statusText.set(StatusDisplay.text(selected.status()));
        severityText.set(selected.severity().id());
        subject.set(selected.subject());
        checkLine.set(selected.check() + " · " + selected.stage().id() + ": " + selected.stage().description());
        message.set(selected.message());
        needed.set(selected.needed());
        showNeeded.set(selected.status() == Status.UNKNOWN && !selected.needed().isBlank());
        why.set(metadata.map(CheckMetadata::why).filter(text -> !text.isBlank()).orElse(""));
        evidence.setAll(selected.evidence());
        incidents.setAll(metadata.map(CheckMetadata::incidents).orElse(List.of()));
        // A finding carries its check's steps and references; the metadata is the fallback.
        remediation.setAll(!selected.remediation().isEmpty() ? selected.remediation()
                : metadata.map(CheckMetadata::remediation).orElse(List.of()));
        references.setAll(!selected.references().isEmpty() ? selected.references()
                : metadata.map(CheckMetadata::references).orElse(List.of()));
        settingsUrl.set(remediation.stream().map(RemediationStep::url).filter(WebLinks::isWebLink).findFirst().orElse(""));
        declarable.set(declarablePlatform(selected));
        finding.set(selected);
        empty.set(false);
    }

    /** The account whose second factor the user can declare from this finding, if any. */
    private static Platform declarablePlatform(Finding f) {
        if (!f.check().equals(MFA_METHOD_CHECK)) {
            return null;
        }
        int colon = f.subject().indexOf(':');
        String prefix = colon > 0 ? f.subject().substring(0, colon) : "";
        return switch (prefix) {
            case "github" -> Platform.GITHUB;
            case "npm" -> Platform.NPM;
            case "pypi" -> Platform.PYPI;
            default -> null;
        };
    }

    /** Opens the first remediation step's page: the exact settings page where the fix is made. */
    public boolean openSettingsPage() {
        return !settingsUrl.get().isEmpty() && openLink(settingsUrl.get());
    }

    private void clear() {
        finding.set(null);
        empty.set(true);
        for (ReadOnlyStringWrapper text : List.of(title, statusText, severityText, subject, checkLine, message,
                needed, why)) {
            text.set("");
        }
        showNeeded.set(false);
        settingsUrl.set("");
        declarable.set(null);
        evidence.clear();
        incidents.clear();
        remediation.clear();
        references.clear();
    }

    /** Puts a step's command on the clipboard. */
    public void copyCommand(RemediationStep step) {
        if (step.command().isBlank()) {
            return;
        }
        clipboard.putText(step.command());
        notice.set("Copied to the clipboard: " + step.command());
    }

    /**
     * Opens a web page in the browser. Only http and https links are opened: a link is data from
     * a report, and a {@code file:} or custom-scheme URL must not start a program.
     *
     * @return whether the link was opened
     */
    public boolean openLink(String url) {
        if (!isWebLink(url)) {
            notice.set("Not opened (not a web link): " + url);
            return false;
        }
        links.open(url);
        return true;
    }

    static boolean isWebLink(String url) {
        return WebLinks.isWebLink(url);
    }

    /** The whole detail as plain text, in the pane's order. */
    public String plainText() {
        Finding shown = finding.get();
        if (shown == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        text.append(statusText.get()).append("  ").append(severityText.get()).append("  ").append(title.get())
                .append('\n').append(subject.get()).append('\n').append(checkLine.get()).append("\n\n")
                .append(message.get()).append('\n');
        if (showNeeded.get()) {
            text.append("\nNeeded to decide: ").append(needed.get()).append('\n');
        }
        if (!evidence.isEmpty()) {
            text.append("\nEvidence\n");
            evidence.forEach(e -> text.append("- ").append(e.label()).append(": ").append(e.value())
                    .append(e.source().isBlank() ? "" : " (" + e.source() + ")").append('\n'));
        }
        if (!why.get().isBlank() || !incidents.isEmpty()) {
            text.append("\nWhy it matters\n");
            if (!why.get().isBlank()) {
                text.append(why.get()).append('\n');
            }
            incidents.forEach(i -> text.append("- ").append(i.name())
                    .append(i.summary().isBlank() ? "" : ": " + i.summary()).append('\n'));
        }
        if (!remediation.isEmpty()) {
            text.append("\nHow to fix\n");
            for (int i = 0; i < remediation.size(); i++) {
                RemediationStep step = remediation.get(i);
                text.append(i + 1).append(". ").append(step.text()).append('\n');
                if (!step.url().isBlank()) {
                    text.append("   ").append(step.url()).append('\n');
                }
                if (!step.command().isBlank()) {
                    text.append("   $ ").append(step.command()).append('\n');
                }
            }
        }
        if (!references.isEmpty()) {
            text.append("\nReferences\n");
            references.forEach(r -> text.append("- ").append(r.title()).append(": ").append(r.url()).append('\n'));
        }
        return text.toString();
    }

    /** The settings page of the first remediation step; empty when the fix has none. */
    public ReadOnlyStringProperty settingsUrlProperty() {
        return settingsUrl.getReadOnlyProperty();
    }

    /** For second-factor findings: the platform to declare the method of; null otherwise. */
    public ReadOnlyObjectProperty<Platform> declarableProperty() {
        return declarable.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Finding> findingProperty() {
        return finding.getReadOnlyProperty();
    }

    /** True when no finding is selected. */
    public ReadOnlyBooleanProperty emptyProperty() {
        return empty.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Icon and word, e.g. {@code ✖ FAIL}. */
    public ReadOnlyStringProperty statusTextProperty() {
        return statusText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty severityTextProperty() {
        return severityText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    /** Check id and stage. */
    public ReadOnlyStringProperty checkLineProperty() {
        return checkLine.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** For UNKNOWN: what would let the check decide. */
    public ReadOnlyStringProperty neededProperty() {
        return needed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty showNeededProperty() {
        return showNeeded.getReadOnlyProperty();
    }

    /** The check's "why it matters"; empty when its metadata has none. */
    public ReadOnlyStringProperty whyProperty() {
        return why.getReadOnlyProperty();
    }

    /** Feedback after copying a command or refusing a link. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ObservableList<Evidence> evidence() {
        return evidenceView;
    }

    public ObservableList<Incident> incidents() {
        return incidentsView;
    }

    public ObservableList<RemediationStep> remediation() {
        return remediationView;
    }

    public ObservableList<Reference> references() {
        return referencesView;
    }
}
