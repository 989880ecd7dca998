package dev.hardening.auditor.desktop.checklist;

import dev.hardening.auditor.core.model.Finding;
import java.util.List;

/**
 * One group of the checklist (a stage, or an account or package) with its visible findings in order.
 *
 * @param key   stable identity, e.g. {@code stage:evaluate} or {@code account:npm:left-pad}
 * @param title what the group header says
 */
public record FindingGroup(String key, String title, List<Finding> findings) {
    public FindingGroup {
        findings = List.copyOf(findings);
    }

    /** FAIL and WARN findings in the group. */
    public long needingAction() {
        return findings.stream().filter(f -> f.status().needsAction()).count();
    }

    /** The header text with counts, e.g. {@code Evaluate: how strong the accounts are — 7 items, 3 need action}. */
    public String header() {
        long action = needingAction();
        return title + " — " + findings.size() + (findings.size() == 1 ? " item" : " items")
                + (action > 0 ? ", " + action + " need" + (action == 1 ? "s" : "") + " action" : "");
    }
}
