package dev.hardening.auditor.core.clients.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.Failures;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.PathSegments;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
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
import dev.hardening.auditor.core.facts.github.repo.UnreadableFile;
import dev.hardening.auditor.core.facts.github.repo.UserRepositories;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFile;
import dev.hardening.auditor.core.facts.github.repo.WorkflowFiles;
import dev.hardening.auditor.core.http.ApiRequest;
import dev.hardening.auditor.core.http.ApiResponse;
import dev.hardening.auditor.core.http.FetchException;
import dev.hardening.auditor.core.http.HttpGateway;
import dev.hardening.auditor.core.http.LoopbackHosts;
import dev.hardening.auditor.core.model.Platform;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;

/**
 * GitHub repository endpoints (branch protection, rulesets, workflows, collaborators, deploy keys,
 * environments). Separate from {@link GitHubClient}, which covers accounts and organisations.
 *
 * <p>Public data (the repository, its rules, branches, workflows and environments) is read without a
 * token. What only a token can read (classic branch protection, collaborators, deploy keys) is not
 * requested without one: the failure names the token and the permission that would let it be read.
 * When GitHub hides something behind a 403 or a 404, the failure says so and names the permission;
 * it is never taken to mean "nothing there", except for the one 404 GitHub words as an answer:
 * "Branch not protected".
 */
public final class GitHubRepoClient {
    /** GitHub's largest page. */
    static final int PER_PAGE = 100;
    /** Bounds every list: 10 pages of 100. */
    static final int MAX_PAGES = 10;
    private static final GitHubPages.Limit ALL_PAGES = GitHubPages.Limit.all(MAX_PAGES);
    /** More workflow files than this in one repository are not read (each is a request). */
    public static final int MAX_WORKFLOW_FILES = 30;
    /** Larger workflow files are not read; GitHub's own limit for the contents API is 1 MB. */
    static final long MAX_WORKFLOW_BYTES = 512 * 1024;
    /** The message of GitHub's 404 for a branch without classic protection. */
    static final String NOT_PROTECTED_MESSAGE = "Branch not protected";

    private final HttpGateway gateway;
    private final GitHubPages pages;
    private final HttpUrl baseUrl;
    private final boolean hasToken;

    public GitHubRepoClient(HttpGateway gateway, HttpUrl baseUrl, boolean hasToken) {
        this.gateway = gateway;
        this.pages = new GitHubPages(gateway);
        this.baseUrl = baseUrl;
        this.hasToken = hasToken;
    }

    public boolean hasToken() {
        return hasToken;
    }

    /**
     * The web hosts whose repository links this API can answer for: {@code github.com} for
     * {@code api.github.com}, the server's own host for GitHub Enterprise Server
     * ({@code https://ghe.example/api/v3/} serves {@code ghe.example}) and GHE.com
     * ({@code api.acme.ghe.com} serves {@code acme.ghe.com}). A loopback API (a local mirror or a
     * test server) stands in for github.com.
     */
    public Set<String> repositoryHosts() {
        String host = baseUrl.host().toLowerCase(Locale.ROOT);
        Set<String> hosts = new LinkedHashSet<>();
        if (host.equals("api.github.com") || LoopbackHosts.isLoopback(host)) {
            hosts.add("github.com");
        }
        if (!host.equals("api.github.com")) {
            hosts.add(host.startsWith("api.") ? host.substring(4) : host);
        }
        return hosts;
    }

    /** {@code GET /repos/{o}/{r}}. */
    public GitHubRepository repository(RepoRef repo) throws FetchException {
        ApiRequest request = request(repoUrl(repo).build(), "GET /repos/" + repo);
        JsonNode json = gateway.getJsonIfFound(request).orElseThrow(() -> Failures.notFound(
                "GitHub has no repository " + repo + (hasToken ? " that the token can see" : " (or it is private)"),
                hasToken ? "check the repository link in the package metadata, or use a token that can read " + repo
                        : "check the repository link in the package metadata; a private repository needs a GITHUB_TOKEN that can read it"));
        return parseRepository(repo, json);
    }

    static GitHubRepository parseRepository(RepoRef asked, JsonNode json) throws FetchException {
        RepoRef repo = JsonFields.text(json, "full_name").flatMap(RepoRef::parse).orElse(asked);
        String defaultBranch = JsonFields.text(json, "default_branch").orElseThrow(() -> Failures.malformed(
                "GitHub's answer for " + asked + " names no default branch", "retry later", 200));
        String visibility = JsonFields.text(json, "visibility")
                .orElse(JsonFields.bool(json, "private").orElse(false) ? "private" : "public");
        JsonNode p = json.path("permissions");
        Optional<RepoPermissions> permissions = p.isObject()
                ? Optional.of(new RepoPermissions(flag(p, "admin"), flag(p, "maintain"), flag(p, "push"), flag(p, "triage"),
                flag(p, "pull")))
                : Optional.empty();
        return new GitHubRepository(repo, defaultBranch, visibility, JsonFields.bool(json, "archived").orElse(false),
                JsonFields.bool(json, "fork").orElse(false), permissions);
    }

    /**
     * {@code GET /repos/{o}/{r}/branches/{b}/protection}. A 404 with GitHub's message "Branch not
     * protected" is the answer "no classic protection"; any other 404, and a 403, mean the caller may
     * not read it (only admins may).
     */
    public ClassicBranchProtection classicProtection(RepoRef repo, String branch) throws FetchException {
        String b = branchName(branch);
        String needed = adminNeeded(repo);
        if (!hasToken) {
            throw Failures.noCredential("only admins of " + repo + " can read its branch protection, and no GitHub token was supplied",
                    needed);
        }
        String resource = "GET /repos/" + repo + "/branches/" + b + "/protection";
        ApiRequest request = request(repoUrl(repo).addPathSegment("branches").addPathSegment(b).addPathSegment("protection").build(),
                resource);
        ApiResponse response = gateway.get(request, s -> s == 403 || s == 404 || s >= 200 && s < 300);
        if (response.status() == 404) {
            Optional<String> message = message(response);
            if (message.filter(NOT_PROTECTED_MESSAGE::equalsIgnoreCase).isPresent()) {
                return ClassicBranchProtection.notProtected(repo, b);
            }
            throw hidden(resource, "the branch protection of " + repo + " (" + b + ")", 404, message, needed);
        }
        if (response.status() == 403) {
            throw hidden(resource, "the branch protection of " + repo + " (" + b + ")", 403, message(response),
                    withAcceptedPermissions(needed, response));
        }
        return parseProtection(repo, b, gateway.parseJson(request, response));
    }

    static ClassicBranchProtection parseProtection(RepoRef repo, String branch, JsonNode json) {
        JsonNode reviews = json.path("required_pull_request_reviews");
        Optional<Integer> approvals = reviews.isObject()
                ? Optional.of(JsonFields.number(reviews, "required_approving_review_count").orElse(0L).intValue())
                : Optional.of(0);
        Optional<Boolean> codeOwners = reviews.isObject() ? JsonFields.bool(reviews, "require_code_owner_reviews")
                : Optional.of(false);
        List<String> checks = new ArrayList<>(JsonFields.strings(json.path("required_status_checks"), "contexts"));
        for (JsonNode c : JsonFields.elements(json.path("required_status_checks").path("checks"))) {
            JsonFields.text(c, "context").filter(ctx -> !checks.contains(ctx)).ifPresent(checks::add);
        }
        return new ClassicBranchProtection(repo, branch, true, approvals, codeOwners, enabled(json, "enforce_admins"),
                enabled(json, "allow_force_pushes"), enabled(json, "allow_deletions"), enabled(json, "required_signatures"),
                enabled(json, "required_linear_history"), checks);
    }

    /** {@code GET /repos/{o}/{r}/branches/{b}}: readable without admin rights. */
    public GitHubBranch branch(RepoRef repo, String branch) throws FetchException {
        String b = branchName(branch);
        ApiRequest request = request(repoUrl(repo).addPathSegment("branches").addPathSegment(b).build(),
                "GET /repos/" + repo + "/branches/" + b);
        JsonNode json = gateway.getJsonIfFound(request).orElseThrow(() -> Failures.notFound(
                "GitHub has no branch " + b + " in " + repo, "check the repository's default branch"));
        Optional<Boolean> flag = JsonFields.bool(json, "protected");
        if (flag.isEmpty()) {
            throw Failures.malformed("GitHub's answer for branch " + b + " of " + repo + " does not say whether it is protected",
                    "retry later", 200);
        }
        return new GitHubBranch(repo, JsonFields.text(json, "name").orElse(b), flag.get());
    }

    /** {@code GET /repos/{o}/{r}/rules/branches/{b}}, every page: the active ruleset rules of a branch. */
    public BranchRules branchRules(RepoRef repo, String branch) throws FetchException {
        String b = branchName(branch);
        HttpUrl url = repoUrl(repo).addPathSegment("rules").addPathSegment("branches").addPathSegment(b)
                .addQueryParameter("per_page", Integer.toString(PER_PAGE)).build();
        GitHubPages.Result items = pages.fetch(request(url, "GET /repos/" + repo + "/rules/branches/" + b), ALL_PAGES);
        if (!items.complete()) {
            throw Failures.of(Cause.TOO_LARGE, "branch " + b + " of " + repo + " has more ruleset rules than "
                    + PER_PAGE * MAX_PAGES, "review the rulesets in the repository settings", 0);
        }
        List<BranchRule> rules = new ArrayList<>();
        for (JsonNode r : items.items()) {
            JsonFields.text(r, "type").ifPresent(type -> rules.add(new BranchRule(type, scalars(r.path("parameters")),
                    JsonFields.number(r, "ruleset_id"), JsonFields.text(r, "ruleset_source_type"), JsonFields.text(r, "ruleset_source"))));
        }
        return new BranchRules(repo, b, rules);
    }

    /** {@code GET /repos/{o}/{r}/rulesets/{id}}; {@code bypass_actors} only when GitHub shows them. */
    public RepoRuleset ruleset(RepoRef repo, long id) throws FetchException {
        String resource = "GET /repos/" + repo + "/rulesets/" + id;
        ApiRequest request = request(repoUrl(repo).addPathSegment("rulesets").addPathSegment(Long.toString(id)).build(), resource);
        ApiResponse response = gateway.get(request, s -> s == 403 || s == 404 || s >= 200 && s < 300);
        if (response.status() == 403 || response.status() == 404) {
            throw hidden(resource, "ruleset " + id + " of " + repo, response.status(), message(response),
                    "a token that can read the rulesets of " + repo + " (Metadata: read, fine-grained; repo, classic)");
        }
        JsonNode json = gateway.parseJson(request, response);
        Optional<List<BypassActor>> bypass = Optional.empty();
        if (json.path("bypass_actors").isArray()) {
            List<BypassActor> actors = new ArrayList<>();
            for (JsonNode a : json.path("bypass_actors")) {
                actors.add(new BypassActor(JsonFields.text(a, "actor_type").orElse("unknown"), JsonFields.number(a, "actor_id"),
                        JsonFields.text(a, "bypass_mode").orElse("")));
            }
            bypass = Optional.of(actors);
        }
        return new RepoRuleset(repo, JsonFields.number(json, "id").orElse(id), JsonFields.text(json, "name").orElse("ruleset " + id),
                JsonFields.text(json, "enforcement").orElse(""), JsonFields.text(json, "source_type"), JsonFields.text(json, "source"),
                bypass, JsonFields.text(json, "current_user_can_bypass"));
    }

    /**
     * The workflow files ({@code .yml}, {@code .yaml}) in {@code .github/workflows} at {@code ref}:
     * one request for the listing and one per file (at most {@value #MAX_WORKFLOW_FILES}). A repository
     * without the directory has no workflows. A file that cannot be read is listed as unreadable with
     * the reason; the others are still read.
     */
    public WorkflowFiles workflows(RepoRef repo, String ref) throws FetchException {
        String r = branchName(ref);
        HttpUrl listUrl = contentsUrl(repo).addPathSegment(".github").addPathSegment("workflows").addQueryParameter("ref", r).build();
        ApiRequest listRequest = request(listUrl, "GET /repos/" + repo + "/contents/.github/workflows?ref=" + r);
        Optional<JsonNode> listing = gateway.getJsonIfFound(listRequest);
        if (listing.isEmpty()) {
            return WorkflowFiles.noDirectory(repo, r);
        }
        if (!listing.get().isArray()) {
            throw Failures.malformed("GitHub answered " + listRequest.resource() + " with a file instead of a directory listing",
                    "check that .github/workflows is a directory", 200);
        }
        List<JsonNode> entries = new ArrayList<>();
        List<UnreadableFile> unreadable = new ArrayList<>();
        for (JsonNode e : listing.get()) {
            String name = JsonFields.textOrEmpty(e, "name");
            String lower = name.toLowerCase(Locale.ROOT);
            if (!lower.endsWith(".yml") && !lower.endsWith(".yaml")) {
                continue;
            }
            String type = JsonFields.textOrEmpty(e, "type");
            String path = ".github/workflows/" + name;
            if (!type.equals("file")) {
                unreadable.add(new UnreadableFile(path, Unavailability.of(Cause.NOT_CONFIGURED,
                        path + " is a " + (type.isEmpty() ? "entry of unknown type" : type) + ", not a file; it was not followed",
                        "check " + path + " in the repository")));
            } else if (!validFileName(name)) {
                unreadable.add(new UnreadableFile(path, Unavailability.of(Cause.MALFORMED, "GitHub listed a workflow file name that"
                        + " cannot be requested safely", "check .github/workflows in the repository")));
            } else if (JsonFields.number(e, "size").orElse(0L) > MAX_WORKFLOW_BYTES) {
                unreadable.add(new UnreadableFile(path, Unavailability.of(Cause.TOO_LARGE, path + " is larger than "
                        + MAX_WORKFLOW_BYTES / 1024 + " KB and was not read", "review " + path + " by hand")));
            } else {
                entries.add(e);
            }
        }
        entries.sort(Comparator.comparing(e -> JsonFields.textOrEmpty(e, "name")));
        int notListed = Math.max(0, entries.size() - MAX_WORKFLOW_FILES);
        List<WorkflowFile> files = new ArrayList<>();
        for (JsonNode e : entries.subList(0, Math.min(MAX_WORKFLOW_FILES, entries.size()))) {
            String name = JsonFields.textOrEmpty(e, "name");
            String path = ".github/workflows/" + name;
            try {
                files.add(workflowFile(repo, r, name));
            } catch (FetchException failure) {
                if (failure.cause() == Cause.CANCELLED) {
                    throw failure;
                }
                unreadable.add(new UnreadableFile(path, failure.unavailability()));
            }
        }
        return new WorkflowFiles(repo, r, files, unreadable, notListed);
    }

    private WorkflowFile workflowFile(RepoRef repo, String ref, String name) throws FetchException {
        String path = ".github/workflows/" + name;
        HttpUrl url = contentsUrl(repo).addPathSegment(".github").addPathSegment("workflows").addPathSegment(name)
                .addQueryParameter("ref", ref).build();
        ApiRequest request = request(url, "GET /repos/" + repo + "/contents/" + path + "?ref=" + ref);
        JsonNode json = gateway.getJson(request);
        String encoding = JsonFields.textOrEmpty(json, "encoding");
        Optional<String> content = JsonFields.text(json, "content");
        if (!"base64".equals(encoding) || content.isEmpty()) {
            // GitHub sends "encoding": "none" and no content for files over 1 MB.
            throw Failures.of(encoding.equals("none") ? Cause.TOO_LARGE : Cause.MALFORMED, "GitHub sent " + path + " of " + repo
                    + " without base64 content (encoding: " + (encoding.isEmpty() ? "absent" : encoding) + ")",
                    "review " + path + " by hand", 200);
        }
        byte[] bytes;
        try {
            bytes = Base64.getMimeDecoder().decode(content.get());
        } catch (IllegalArgumentException e) {
            throw Failures.malformed("GitHub sent " + path + " of " + repo + " with content that is not valid base64",
                    "retry later", 200);
        }
        if (bytes.length > MAX_WORKFLOW_BYTES) {
            throw Failures.of(Cause.TOO_LARGE, path + " of " + repo + " is larger than " + MAX_WORKFLOW_BYTES / 1024
                    + " KB and was not analysed", "review " + path + " by hand", 200);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw Failures.malformed(path + " of " + repo + " is not UTF-8 text", "review " + path + " by hand", 200);
        }
        return new WorkflowFile(path, JsonFields.textOrEmpty(json, "sha"), text);
    }

    /** {@code GET /repos/{o}/{r}/collaborators?affiliation=all&permission=admin}, every page. */
    public Collaborators admins(RepoRef repo) throws FetchException {
        return collaborators(repo, Map.of("affiliation", "all", "permission", "admin"));
    }

    /** {@code GET /repos/{o}/{r}/collaborators?affiliation=outside}, every page. */
    public Collaborators outsideCollaborators(RepoRef repo) throws FetchException {
        return collaborators(repo, Map.of("affiliation", "outside"));
    }

    private Collaborators collaborators(RepoRef repo, Map<String, String> query) throws FetchException {
        String needed = "a token of an account with push access to " + repo
                + ", with Metadata: read (fine-grained) or repo and read:org (classic)";
        Map<String, String> ordered = new LinkedHashMap<>();
        ordered.put("affiliation", query.get("affiliation"));
        if (query.containsKey("permission")) {
            ordered.put("permission", query.get("permission"));
        }
        String described = String.join("&", ordered.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        if (!hasToken) {
            throw Failures.noCredential("the collaborators of " + repo + " are visible only to accounts with push access,"
                    + " and no GitHub token was supplied", needed);
        }
        HttpUrl.Builder url = repoUrl(repo).addPathSegment("collaborators");
        ordered.forEach(url::addQueryParameter);
        url.addQueryParameter("per_page", Integer.toString(PER_PAGE));
        String resource = "GET /repos/" + repo + "/collaborators?" + described;
        GitHubPages.Result items = readHidden(request(url.build(), resource), "the collaborators of " + repo, needed);
        List<Collaborator> people = new ArrayList<>();
        for (JsonNode c : items.items()) {
            JsonNode p = c.path("permissions");
            JsonFields.text(c, "login").ifPresent(login -> people.add(new Collaborator(login, JsonFields.textOrEmpty(c, "type"),
                    flag(p, "admin"), flag(p, "maintain"), flag(p, "push"), JsonFields.text(c, "role_name"))));
        }
        return new Collaborators(repo, described, people, !items.complete());
    }

    /** {@code GET /repos/{o}/{r}/keys}, every page (admins only). */
    public DeployKeys deployKeys(RepoRef repo) throws FetchException {
        String needed = adminNeeded(repo);
        if (!hasToken) {
            throw Failures.noCredential("only admins of " + repo + " can list its deploy keys, and no GitHub token was supplied",
                    needed);
        }
        HttpUrl url = repoUrl(repo).addPathSegment("keys").addQueryParameter("per_page", Integer.toString(PER_PAGE)).build();
        GitHubPages.Result items = readHidden(request(url, "GET /repos/" + repo + "/keys"), "the deploy keys of " + repo, needed);
        List<DeployKey> keys = new ArrayList<>();
        for (JsonNode k : items.items()) {
            String key = JsonFields.textOrEmpty(k, "key");
            int space = key.indexOf(' ');
            keys.add(new DeployKey(JsonFields.number(k, "id").orElse(0L), JsonFields.textOrEmpty(k, "title"),
                    space > 0 ? key.substring(0, space) : "unknown",
                    // Absent read_only is not read as read-only.
                    JsonFields.bool(k, "read_only").orElse(false), JsonFields.instant(k, "created_at"),
                    JsonFields.instant(k, "last_used"), JsonFields.text(k, "added_by")));
        }
        return new DeployKeys(repo, keys, !items.complete());
    }

    /** {@code GET /repos/{o}/{r}/environments/{name}}; a 404 is an environment that does not exist (yet). */
    public DeploymentEnvironment environment(RepoRef repo, String name) throws FetchException {
        String n = PathSegments.checked(name, "environment name", "check the environment: of the workflow", true);
        ApiRequest request = request(repoUrl(repo).addPathSegment("environments").addPathSegment(n).build(),
                "GET /repos/" + repo + "/environments/" + n);
        Optional<JsonNode> found = gateway.getJsonIfFound(request);
        if (found.isEmpty()) {
            return new DeploymentEnvironment(repo, n, false, List.of(), 0, Optional.empty(), Optional.empty());
        }
        JsonNode json = found.get();
        List<String> types = new ArrayList<>();
        int reviewers = 0;
        for (JsonNode rule : JsonFields.elements(json.path("protection_rules"))) {
            String type = JsonFields.textOrEmpty(rule, "type");
            types.add(type);
            if (type.equals("required_reviewers")) {
                reviewers += JsonFields.elements(rule.path("reviewers")).size();
            }
        }
        JsonNode policy = json.path("deployment_branch_policy");
        return new DeploymentEnvironment(repo, JsonFields.text(json, "name").orElse(n), true, types, reviewers,
                JsonFields.bool(policy, "protected_branches"), JsonFields.bool(policy, "custom_branch_policies"));
    }

    /**
     * A user's own repositories, most recently pushed first, forks and archived ones left out, at most
     * {@code max}; reads only as many pages as it takes.
     */
    public UserRepositories userRepositories(String login, int max) throws FetchException {
        String l = PathSegments.checked(login, "GitHub login", "check the --github-user value", false);
        HttpUrl url = url("users", l, "repos").newBuilder().addQueryParameter("type", "owner")
                .addQueryParameter("sort", "pushed").addQueryParameter("per_page", Integer.toString(PER_PAGE)).build();
        ApiRequest request = request(url, "GET /users/" + l + "/repos?type=owner&sort=pushed");
        GitHubPages.Result items = pages.fetch(request, ALL_PAGES,
                read -> read.stream().filter(GitHubRepoClient::isOwnActiveRepository).count() > max);
        List<RepoRef> repos = new ArrayList<>();
        int skipped = 0;
        boolean truncated = !items.complete();
        for (JsonNode r : items.items()) {
            if (!isOwnActiveRepository(r)) {
                skipped++;
                continue;
            }
            Optional<RepoRef> ref = JsonFields.text(r, "full_name").flatMap(RepoRef::parse);
            if (ref.isEmpty()) {
                continue;
            }
            if (repos.size() >= max) {
                truncated = true;
                break;
            }
            repos.add(ref.get());
        }
        return new UserRepositories(l, repos, skipped, truncated);
    }

    private static boolean isOwnActiveRepository(JsonNode r) {
        return !JsonFields.bool(r, "fork").orElse(false) && !JsonFields.bool(r, "archived").orElse(false);
    }

    /** Reads every page of a list that GitHub shows only to some accounts; 403 and 404 name the permission. */
    private GitHubPages.Result readHidden(ApiRequest first, String what, String needed) throws FetchException {
        try {
            return pages.fetch(first, ALL_PAGES);
        } catch (FetchException e) {
            if (e.status() == 403 || e.status() == 404) {
                throw Failures.of(Cause.FORBIDDEN, "GitHub did not show " + what + " (HTTP " + e.status() + "): the token's"
                        + " account or the token itself lacks the permission", needed, e.status());
            }
            throw e;
        }
    }

    private static FetchException hidden(String resource, String what, int status, Optional<String> message, String needed) {
        String said = message.map(m -> ": \"" + m + "\"").orElse("");
        return Failures.of(Cause.FORBIDDEN, "GitHub did not show " + what + " (" + resource + " answered HTTP " + status + said
                + "); that means no permission to read it, not that there is nothing to read", needed, status);
    }

    private static String adminNeeded(RepoRef repo) {
        return "a token with Administration: read (fine-grained) or repo (classic) on " + repo
                + ", from an account with admin rights on it";
    }

    /** Adds GitHub's {@code X-Accepted-GitHub-Permissions} to what is needed, when it says. */
    private static String withAcceptedPermissions(String needed, ApiResponse response) {
        String accepted = response.header("X-Accepted-GitHub-Permissions");
        return accepted == null || accepted.isBlank() ? needed
                : needed + " (GitHub asks for " + printable(accepted, 80) + ")";
    }

    /** GitHub's error {@code message}, cleaned for display; empty when the body has none. */
    private Optional<String> message(ApiResponse response) {
        try {
            JsonNode json = gateway.parseJson(ApiRequest.get(Platform.GITHUB, baseUrl, "error body"), response);
            return JsonFields.text(json, "message").map(m -> printable(m, 160));
        } catch (FetchException notJson) {
            return Optional.empty();
        }
    }

    private static String printable(String text, int max) {
        StringBuilder b = new StringBuilder();
        text.codePoints().limit(max).forEach(c -> b.appendCodePoint(Character.isISOControl(c) ? ' ' : c));
        return b.toString().trim();
    }

    private static Optional<Boolean> enabled(JsonNode json, String field) {
        return JsonFields.bool(json.path(field), "enabled");
    }

    private static boolean flag(JsonNode node, String field) {
        return JsonFields.bool(node, field).orElse(false);
    }

    /** A rule's scalar parameters as text; nested lists and objects are left out. */
    private static Map<String, String> scalars(JsonNode parameters) {
        Map<String, String> out = new LinkedHashMap<>();
        JsonFields.fields(parameters).forEach((k, v) -> {
            if (v.isValueNode() && !v.isNull()) {
                out.put(k, v.asText());
            }
        });
        return out;
    }

    private static boolean validFileName(String name) {
        return !name.isBlank() && !name.equals(".") && !name.equals("..") && name.indexOf('/') < 0 && name.indexOf('\\') < 0
                && name.chars().noneMatch(Character::isISOControl);
    }

    private static String branchName(String branch) throws FetchException {
        return PathSegments.checked(branch, "branch name", "check the repository's default branch", true);
    }


    private ApiRequest request(HttpUrl url, String resource) {
        return ApiRequest.get(Platform.GITHUB, url, resource)
                .withHeader("Accept", GitHubClient.ACCEPT)
                .withHeader("X-GitHub-Api-Version", GitHubClient.API_VERSION);
    }

    private HttpUrl.Builder repoUrl(RepoRef repo) {
        return baseUrl.newBuilder().addPathSegment("repos").addPathSegment(repo.owner()).addPathSegment(repo.name());
    }

    private HttpUrl.Builder contentsUrl(RepoRef repo) {
        return repoUrl(repo).addPathSegment("contents");
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = baseUrl.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }
}
