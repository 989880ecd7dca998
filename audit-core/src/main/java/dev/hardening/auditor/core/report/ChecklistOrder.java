package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Stage;
import dev.hardening.auditor.core.model.Status;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The order of the human-readable checklists (Markdown, HTML): by stage of the hardening cycle,
 * and within a stage what needs action first, the most severe first.
 */
final class ChecklistOrder {
    private static final List<Status> STATUS_ORDER = List.of(Status.FAIL, Status.WARN, Status.UNKNOWN,
            Status.ATTESTED, Status.PASS, Status.NOT_APPLICABLE);

    private static final Comparator<Finding> WITHIN_STAGE = Comparator
            .comparingInt((Finding f) -> STATUS_ORDER.indexOf(f.status()))
            .thenComparing(Finding::severity)
            .thenComparing(Finding::check)
            .thenComparing(Finding::subject);

    private ChecklistOrder() {
    }

    /** Every stage, in cycle order, with its findings sorted; a stage without findings maps to an empty list. */
    static Map<Stage, List<Finding>> byStage(List<Finding> findings) {
        Map<Stage, List<Finding>> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            stages.put(stage, new ArrayList<>());
        }
        findings.forEach(f -> stages.get(f.stage()).add(f));
        stages.values().forEach(list -> list.sort(WITHIN_STAGE));
        return stages;
    }

    /** Statuses in the order the summaries list them. */
    static List<Status> statuses() {
        return STATUS_ORDER;
    }
}
