package dev.hardening.auditor.desktop.main;

/** Whose data the window shows: nothing yet, the bundled demo world, or real accounts. */
public enum World {
    NONE, DEMO, REAL
}
