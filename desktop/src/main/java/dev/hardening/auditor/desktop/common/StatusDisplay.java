package dev.hardening.auditor.desktop.common;

import dev.hardening.auditor.core.model.Status;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * How a status looks on screen: an icon and a word, so it reads without colour, plus the CSS
 * class that colours it (see app.css).
 */
public final class StatusDisplay {
    private StatusDisplay() {
    }

    /** Most urgent first: what needs doing, then what could not be decided, then what is fine. */
    public static final Comparator<Status> MOST_URGENT_FIRST = Comparator.comparingInt(StatusDisplay::urgency);

    public static String icon(Status status) {
        return switch (status) {
            case PASS -> "✔";
            case FAIL -> "✖";
            case WARN -> "⚠";
            case UNKNOWN -> "?";
            case ATTESTED -> "✎";
            case NOT_APPLICABLE -> "–";
        };
    }

    /** The word shown next to the icon. */
    public static String word(Status status) {
        return status == Status.NOT_APPLICABLE ? "N/A" : status.name();
    }

    /** Icon and word, e.g. {@code ✖ FAIL}. */
    public static String text(Status status) {
        return icon(status) + " " + word(status);
    }

    /** The CSS style class, e.g. {@code status-fail}, {@code status-not-applicable}. */
    public static String styleClass(Status status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Every status's style class, to remove before adding the current one. */
    public static List<String> allStyleClasses() {
        return Arrays.stream(Status.values()).map(StatusDisplay::styleClass).toList();
    }

    private static int urgency(Status status) {
        return switch (status) {
            case FAIL -> 0;
            case WARN -> 1;
            case UNKNOWN -> 2;
            case ATTESTED -> 3;
            case PASS -> 4;
            case NOT_APPLICABLE -> 5;
        };
    }
}
