package dev.hardening.auditor.core.workflows;

/** What the workflow analyser looks for, and whether a hit is a failure or a warning. */
public enum WorkflowRule {
    /** Attacker-chosen text ({@code ${{ github.event.comment.body }}}) inside a script, under a trigger anyone can fire. */
    UNTRUSTED_INPUT_IN_SCRIPT(true, "untrusted input in a script"),
    /** A privileged trigger ({@code pull_request_target}, {@code workflow_run}) that checks out the pull request's code. */
    PRIVILEGED_CHECKOUT_OF_UNTRUSTED_CODE(true, "pull request code checked out with privileges"),
    /** No top-level {@code permissions:} while some job sets none either: they get the repository's default token. */
    MISSING_PERMISSIONS(false, "no permissions: block"),
    /** {@code permissions: write-all}. */
    WRITE_ALL_PERMISSIONS(false, "permissions: write-all"),
    /** A third-party action or reusable workflow referenced by a tag or branch, not a full commit SHA. */
    UNPINNED_THIRD_PARTY_ACTION(false, "third-party action not pinned to a commit SHA"),
    /** A publishing job that restores a cache another workflow could have poisoned. */
    CACHE_IN_RELEASE_JOB(false, "cache restored in a release job"),
    /** The file could not be analysed (invalid YAML, not a workflow). */
    NOT_ANALYSABLE(false, "workflow could not be analysed");

    private final boolean failing;
    private final String title;

    WorkflowRule(boolean failing, String title) {
        this.failing = failing;
        this.title = title;
    }

    /** Whether a hit means the workflow can be taken over (FAIL), rather than weakened (WARN). */
    public boolean failing() {
        return failing;
    }

    public String title() {
        return title;
    }
}
