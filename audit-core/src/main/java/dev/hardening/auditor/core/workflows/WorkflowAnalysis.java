package dev.hardening.auditor.core.workflows;

import java.util.List;
import java.util.Set;

/**
 * What the analyser found in one workflow file.
 *
 * @param triggers    the events under {@code on:}
 * @param analysed    false when the file could not be read as a workflow (see the NOT_ANALYSABLE finding)
 * @param findings    the problems, in file order
 * @param publishJobs the jobs that publish to npm or PyPI
 */
public record WorkflowAnalysis(String path, boolean analysed, Set<String> triggers, List<WorkflowFinding> findings,
                               List<PublishJob> publishJobs) {
    public WorkflowAnalysis {
        triggers = Set.copyOf(triggers);
        findings = List.copyOf(findings);
        publishJobs = List.copyOf(publishJobs);
    }
}
