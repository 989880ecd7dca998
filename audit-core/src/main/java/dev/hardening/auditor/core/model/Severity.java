package dev.hardening.auditor.core.model;

import java.util.Locale;

/** How bad a failing finding is. Ordered from most to least severe. */
public enum Severity {
    CRITICAL(10), HIGH(5), MEDIUM(3), LOW(1), INFO(0);

    private final int weight;

    Severity(int weight) {
        this.weight = weight;
    }

    /** Weight of this severity in the score (see docs/SCORE.md). */
    public int weight() {
        return weight;
    }

    /** Lower-case name as used in reports, metadata and flags. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this severity is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }

    public static Severity parse(String text) {
        for (Severity s : values()) {
            if (s.id().equalsIgnoreCase(text.trim())) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown severity '" + text + "' (expected critical, high, medium, low or info)");
    }
}
