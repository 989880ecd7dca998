package dev.hardening.auditor.desktop.checklist;

/** How the checklist groups its items. */
public enum Grouping {
    STAGE("Stage of the hardening cycle"),
    ACCOUNT("Account or package"),
    NONE("No groups");

    private final String displayName;

    Grouping(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
