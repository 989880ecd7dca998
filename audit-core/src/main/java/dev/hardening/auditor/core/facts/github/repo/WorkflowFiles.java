package dev.hardening.auditor.core.facts.github.repo;

import java.util.List;

/**
 * The workflow files of a repository at one ref ({@code .github/workflows/*.yml|yaml} through the
 * contents API).
 *
 * @param ref        the branch that was read (the default branch)
 * @param files      the files that were read
 * @param unreadable files that were listed but not read, with the reason
 * @param notListed  how many workflow files were beyond the per-repository limit and not read
 */
public record WorkflowFiles(RepoRef repo, String ref, List<WorkflowFile> files, List<UnreadableFile> unreadable,
                            int notListed) {
    public WorkflowFiles {
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
    }

    /** Whether every workflow file was read. */
    public boolean complete() {
        return unreadable.isEmpty() && notListed == 0;
    }
}
