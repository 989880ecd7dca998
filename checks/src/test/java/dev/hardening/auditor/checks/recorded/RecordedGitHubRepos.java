package dev.hardening.auditor.checks.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.facts.github.repo.BranchRule;
import dev.hardening.auditor.core.facts.github.repo.BranchRules;
import dev.hardening.auditor.core.facts.github.repo.BypassActor;
import dev.hardening.auditor.core.facts.github.repo.ClassicBranchProtection;
import dev.hardening.auditor.core.facts.github.repo.Collaborator;
import dev.hardening.auditor.core.facts.github.repo.Collaborators;
import dev.hardening.auditor.core.facts.github.repo.DeployKey;
import dev.hardening.auditor.core.facts.github.repo.DeployKeys;
import dev.hardening.auditor.core.facts.github.repo.DeploymentEnvironment;
import dev.hardening.auditor.core.facts.github.repo.GitHubBranch;
import dev.hardening.auditor.core.facts.github.repo.GitHubRepository;
import dev.hardening.auditor.core.facts.github.repo.RepoPermissions;
import dev.hardening.auditor.core.facts.github.repo.RepoRef;
import dev.hardening.auditor.core.facts.github.repo.RepoRuleset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Recorded GitHub repository responses turned into fact records, with the API's field semantics (the
 * production parsers live with the repository client; these exist so check tests run on real shapes).
 */
public final class RecordedGitHubRepos {
    private RecordedGitHubRepos() {
    }

    /** {@code GET /repos/{o}/{r}}, named {@code repo}. */
    public static GitHubRepository repository(RepoRef repo, JsonNode n) {
        JsonNode p = n.get("permissions");
        Optional<RepoPermissions> permissions = p == null ? Optional.empty() : Optional.of(new RepoPermissions(
                p.path("admin").asBoolean(), p.path("maintain").asBoolean(), p.path("push").asBoolean(),
                p.path("triage").asBoolean(), p.path("pull").asBoolean()));
        return new GitHubRepository(repo, n.path("default_branch").asText(), n.path("visibility").asText("public"),
                n.path("archived").asBoolean(), n.path("fork").asBoolean(), permissions);
    }

    /** {@code GET …/branches/{b}/protection}; absent settings stay empty. */
    public static ClassicBranchProtection protection(RepoRef repo, String branch, JsonNode n) {
        JsonNode reviews = n.get("required_pull_request_reviews");
        List<String> contexts = new ArrayList<>();
        n.path("required_status_checks").path("contexts").forEach(c -> contexts.add(c.asText()));
        return new ClassicBranchProtection(repo, branch, true,
                Optional.of(reviews == null ? 0 : reviews.path("required_approving_review_count").asInt(0)),
                reviews == null ? Optional.of(false) : bool(reviews, "require_code_owner_reviews"),
                enabled(n, "enforce_admins"), enabled(n, "allow_force_pushes"), enabled(n, "allow_deletions"),
                enabled(n, "required_signatures"), enabled(n, "required_linear_history"), contexts);
    }

    /** {@code GET …/rules/branches/{b}}. */
    public static BranchRules rules(RepoRef repo, String branch, JsonNode array) {
        List<BranchRule> rules = new ArrayList<>();
        for (JsonNode r : array) {
            Map<String, String> parameters = new LinkedHashMap<>();
            r.path("parameters").properties().forEach(e -> {
                if (e.getValue().isValueNode()) {
                    parameters.put(e.getKey(), e.getValue().asText());
                }
            });
            rules.add(new BranchRule(r.path("type").asText(), parameters,
                    r.has("ruleset_id") ? Optional.of(r.get("ruleset_id").asLong()) : Optional.empty(),
                    Json.text(r, "ruleset_source_type"), Json.text(r, "ruleset_source")));
        }
        return new BranchRules(repo, branch, rules);
    }

    /** {@code GET …/rulesets/{id}}; {@code bypass_actors} only when present. */
    public static RepoRuleset ruleset(RepoRef repo, JsonNode n) {
        Optional<List<BypassActor>> bypass = Optional.empty();
        if (n.path("bypass_actors").isArray()) {
            List<BypassActor> actors = new ArrayList<>();
            n.get("bypass_actors").forEach(a -> actors.add(new BypassActor(a.path("actor_type").asText(),
                    a.has("actor_id") && !a.get("actor_id").isNull() ? Optional.of(a.get("actor_id").asLong()) : Optional.empty(),
                    a.path("bypass_mode").asText(""))));
            bypass = Optional.of(actors);
        }
        return new RepoRuleset(repo, n.path("id").asLong(), n.path("name").asText(), n.path("enforcement").asText(),
                Json.text(n, "source_type"), Json.text(n, "source"), bypass, Json.text(n, "current_user_can_bypass"));
    }

    /** {@code GET …/branches/{b}}. */
    public static GitHubBranch branch(RepoRef repo, JsonNode n) {
        return new GitHubBranch(repo, n.path("name").asText(), n.path("protected").asBoolean());
    }

    /** {@code GET …/collaborators}. */
    public static Collaborators collaborators(RepoRef repo, String query, JsonNode array) {
        List<Collaborator> people = new ArrayList<>();
        for (JsonNode c : array) {
            JsonNode p = c.path("permissions");
            people.add(new Collaborator(c.path("login").asText(), c.path("type").asText(), p.path("admin").asBoolean(),
                    p.path("maintain").asBoolean(), p.path("push").asBoolean(), Json.text(c, "role_name")));
        }
        return new Collaborators(repo, query, people, false);
    }

    /** {@code GET …/keys}. */
    public static DeployKeys deployKeys(RepoRef repo, JsonNode array) {
        List<DeployKey> keys = new ArrayList<>();
        for (JsonNode k : array) {
            keys.add(new DeployKey(k.path("id").asLong(), k.path("title").asText(), k.path("key").asText().split(" ")[0],
                    k.path("read_only").asBoolean(false), Json.instant(k, "created_at"), Json.instant(k, "last_used"),
                    Json.text(k, "added_by")));
        }
        return new DeployKeys(repo, keys, false);
    }

    /** {@code GET …/environments/{name}}. */
    public static DeploymentEnvironment environment(RepoRef repo, JsonNode n) {
        List<String> types = new ArrayList<>();
        int reviewers = 0;
        for (JsonNode rule : n.path("protection_rules")) {
            types.add(rule.path("type").asText());
            reviewers += rule.path("reviewers").size();
        }
        JsonNode policy = n.path("deployment_branch_policy");
        return new DeploymentEnvironment(repo, n.path("name").asText(), true, types, reviewers, bool(policy, "protected_branches"),
                bool(policy, "custom_branch_policies"));
    }

    private static Optional<Boolean> enabled(JsonNode n, String field) {
        return bool(n.path(field), "enabled");
    }

    private static Optional<Boolean> bool(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isBoolean() ? Optional.of(v.asBoolean()) : Optional.empty();
    }
}
