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
 * @param directoryFound false when GitHub answered 404 for {@code .github/workflows}: no such directory,
 *                       or (in a private repository) contents the token may not read
 */
public record WorkflowFiles(RepoRef repo, String ref, List<WorkflowFile> files, List<UnreadableFile> unreadable,
                            int notListed, boolean directoryFound) {
    public WorkflowFiles {
        files = List.copyOf(files);
        unreadable = List.copyOf(unreadable);
    }

    /** A listing GitHub answered (the directory exists). */
    public WorkflowFiles(RepoRef repo, String ref, List<WorkflowFile> files, List<UnreadableFile> unreadable, int notListed) {
        this(repo, ref, files, unreadable, notListed, true);
    }

    /** GitHub answered 404 for the directory. */
    public static WorkflowFiles noDirectory(RepoRef repo, String ref) {
        return new WorkflowFiles(repo, ref, List.of(), List.of(), 0, false);
    }

    /** Whether every workflow file was read. */
    public boolean complete() {
        return unreadable.isEmpty() && notListed == 0;
    }
}
