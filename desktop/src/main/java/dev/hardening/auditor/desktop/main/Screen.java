package dev.hardening.auditor.desktop.main;

import java.util.Locale;

/**
 * The screens of the main window, in sidebar order. Each has a mnemonic (Alt + the underlined
 * letter) and a shortcut (Ctrl + its number).
 */
public enum Screen {
    SETUP("_Setup", "Welcome and setup: what to audit, credentials, or try the demo"),
    RUN("R_un", "Progress of the audit per source, with cancel"),
    CHECKLIST("_Checklist", "The hardening checklist: filter, search, open an item for evidence and the fix"),
    TEAM("_Team", "Who can publish each package, and how hardened each publisher is"),
    HISTORY("_History", "Score over time and what changed between two snapshots"),
    EXPORT("E_xport", "Markdown, HTML, JSON, SARIF, a signed snapshot or the incident playbook");

    private final String label;
    private final String description;

    Screen(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The sidebar label, with its mnemonic marked by {@code _}. */
    public String label() {
        return label;
    }

    /** The label without the mnemonic marker. */
    public String title() {
        return label.replace("_", "");
    }

    public String description() {
        return description;
    }

    /** 1-based, for Ctrl+1 … Ctrl+6. */
    public int number() {
        return ordinal() + 1;
    }

    /** For node ids and screenshot file names: {@code setup}, {@code checklist}, … */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
