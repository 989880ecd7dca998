package dev.hardening.auditor.desktop.system;

/** Puts text on the clipboard, so a remediation command can be pasted into a terminal. */
@FunctionalInterface
public interface TextClipboard {

    void putText(String text);
}
