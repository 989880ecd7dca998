package dev.hardening.auditor.cli;

/** The exit codes other tools script against (DESIGN.md, "Interfaces"). */
final class ExitCodes {
    /** Nothing at or above {@code --fail-on}. */
    static final int OK = 0;
    /** Findings at or above {@code --fail-on}. */
    static final int FINDINGS = 1;
    /** The command line was wrong. */
    static final int USAGE = 2;
    /** The audit could not run (bad configuration, unreadable file, internal error). */
    static final int COULD_NOT_RUN = 3;

    private ExitCodes() {
    }
}
