package dev.hardening.auditor.core.clients.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.facts.github.GitHubAuthoredCommit;
import dev.hardening.auditor.core.facts.github.GitHubCommitVerification;
import dev.hardening.auditor.core.facts.github.GitHubPublicEvents;
import dev.hardening.auditor.core.facts.github.GitHubPushedCommit;
import dev.hardening.auditor.core.facts.github.GitHubUserRepo;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns public events, repository lists and commit lists into facts, keeping only what checks read. */
final class ActivityParser {
    private ActivityParser() {
    }

    static GitHubPublicEvents events(String login, GitHubPages.Result page) {
        int pushes = 0;
        int withoutCommits = 0;
        List<GitHubPushedCommit> commits = new ArrayList<>();
        for (JsonNode event : page.items()) {
            if (!"PushEvent".equals(JsonFields.textOrEmpty(event, "type"))) {
                continue;
            }
            pushes++;
            String repo = JsonFields.textOrEmpty(JsonFields.field(event, "repo"), "name");
            List<JsonNode> listed = JsonFields.elements(JsonFields.field(JsonFields.field(event, "payload"), "commits"));
            if (listed.isEmpty()) {
                withoutCommits++;
            }
            for (JsonNode c : listed) {
                JsonNode author = JsonFields.field(c, "author");
                commits.add(new GitHubPushedCommit(repo, JsonFields.textOrEmpty(c, "sha"), JsonFields.textOrEmpty(author, "name"),
                        JsonFields.textOrEmpty(author, "email"), JsonFields.instant(event, "created_at")));
            }
        }
        return new GitHubPublicEvents(login, page.items().size(), pushes, withoutCommits, commits, page.complete());
    }

    static GitHubUserRepo repo(JsonNode json) {
        return new GitHubUserRepo(JsonFields.textOrEmpty(json, "full_name"), JsonFields.bool(json, "fork").orElse(false),
                JsonFields.bool(json, "archived").orElse(false), JsonFields.textOrEmpty(json, "default_branch"),
                JsonFields.instant(json, "pushed_at"));
    }

    static GitHubAuthoredCommit commit(String repo, JsonNode json) {
        JsonNode commit = JsonFields.field(json, "commit");
        JsonNode verification = JsonFields.field(commit, "verification");
        boolean verified = JsonFields.bool(verification, "verified").orElse(false);
        // A commit without a verification object was not verified: never read absence as success.
        String reason = JsonFields.text(verification, "reason").orElse(verified ? "valid" : "unknown");
        return new GitHubAuthoredCommit(repo, JsonFields.textOrEmpty(json, "sha"),
                login(JsonFields.field(json, "author")), JsonFields.textOrEmpty(JsonFields.field(commit, "author"), "email"),
                login(JsonFields.field(json, "committer")), JsonFields.textOrEmpty(JsonFields.field(commit, "committer"), "email"),
                JsonFields.instant(JsonFields.field(commit, "author"), "date"),
                new GitHubCommitVerification(verified, reason, JsonFields.instant(verification, "verified_at")));
    }

    private static Optional<String> login(JsonNode account) {
        return JsonFields.text(account, "login");
    }
}
