package dev.hardening.auditor.desktop.system;

/** Opens a web page in the user's browser. */
@FunctionalInterface
public interface LinkOpener {

    void open(String url);
}
