package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.model.Waiver;

/** How a waiver is shown in the Markdown, HTML and SARIF reports. */
final class WaiverText {
    private WaiverText() {
    }

    static String describe(Waiver w) {
        if (w.active()) {
            return "Waived until " + w.expires() + " (owner: " + w.owner() + "): " + w.justification();
        }
        return "Waiver EXPIRED on " + w.expires() + " (owner: " + w.owner() + "), so this finding counts again: "
                + w.justification();
    }
}
