package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.model.Status;
import java.util.Locale;

/** How a status is shown to people: a checkbox state, an icon, and always its name as text. */
final class StatusDisplay {
    private StatusDisplay() {
    }

    /** Ticked in a checklist: nothing left to do (hardened, self-declared, or not applicable). */
    static boolean done(Status status) {
        return status == Status.PASS || status == Status.ATTESTED || status == Status.NOT_APPLICABLE;
    }

    /** A symbol that goes with, never replaces, the status name (colour alone fails colour-blind readers). */
    static String icon(Status status) {
        return switch (status) {
            case PASS -> "\u2714";           // heavy check mark
            case FAIL -> "\u2718";           // heavy ballot X
            case WARN -> "\u26A0";           // warning sign
            case UNKNOWN -> "?";
            case ATTESTED -> "\u270E";       // pencil: declared by the user
            case NOT_APPLICABLE -> "\u2013"; // en dash
        };
    }

    static String cssClass(Status status) {
        return "status-" + status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
