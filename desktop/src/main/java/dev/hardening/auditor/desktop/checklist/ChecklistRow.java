package dev.hardening.auditor.desktop.checklist;

import dev.hardening.auditor.core.model.Finding;

/** A row of the checklist tree: a group header or one finding. */
public record ChecklistRow(FindingGroup group, Finding finding) {

    public static ChecklistRow of(FindingGroup group) {
        return new ChecklistRow(group, null);
    }

    public static ChecklistRow of(Finding finding) {
        return new ChecklistRow(null, finding);
    }

    public boolean isGroup() {
        return group != null;
    }
}
