package dev.hardening.auditor.core.workflows;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.workflows.YamlTree.InvalidYamlException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one GitHub Actions workflow (YAML text) and reports, without running anything:
 * <ul>
 *   <li>attacker-chosen text ({@link UntrustedContexts}) expanded into a {@code run:} script or an
 *       {@code actions/github-script} script, directly or through an {@code env:} variable read back
 *       as {@code ${{ env.X }}}, under a trigger that anyone can fire and that runs with the
 *       repository's token and secrets ({@link #PRIVILEGED_TRIGGERS});</li>
 *   <li>{@code pull_request_target} or {@code workflow_run} jobs that check out the pull request's code;</li>
 *   <li>no {@code permissions:} at the top while a job sets none, and {@code write-all};</li>
 *   <li>third-party actions and reusable workflows not pinned to a full commit SHA;</li>
 *   <li>caches restored in a job that publishes (the ultralytics cache poisoning);</li>
 *   <li>the jobs that publish to npm or PyPI and how they authenticate (for trusted publishing).</li>
 * </ul>
 * Invalid YAML, or YAML that is not a workflow, gives one {@link WorkflowRule#NOT_ANALYSABLE} finding;
 * the analyser never throws for bad input.
 */
public final class WorkflowAnalyzer {
    /** Triggers that anyone with a GitHub account can fire and that run with the repository's privileges. */
    public static final Set<String> PRIVILEGED_TRIGGERS = Set.of("issue_comment", "issues", "pull_request_target",
            "workflow_run", "discussion", "discussion_comment");
    /** Triggers that run the base repository's workflow with privileges on behalf of a pull request. */
    private static final Set<String> PULL_REQUEST_PRIVILEGED = Set.of("pull_request_target", "workflow_run");
    /** Owners whose actions are GitHub's own. */
    private static final Set<String> FIRST_PARTY_OWNERS = Set.of("actions", "github");
    private static final Pattern FULL_SHA = Pattern.compile("[0-9a-f]{40}");
    /** Expressions that name the pull request's code (its head) rather than the base branch. */
    private static final Pattern PR_HEAD = Pattern.compile(
            "github\\.event\\.pull_request\\.head\\.(?:sha|ref)|github\\.head_ref|github\\.event\\.pull_request\\.merge_commit_sha"
                    + "|github\\.event\\.workflow_run\\.head_(?:sha|branch)|github\\.event\\.pull_request\\.head\\.repo\\.full_name"
                    + "|github\\.event\\.workflow_run\\.head_repository\\.full_name|github\\.event\\.(?:pull_request\\.)?number");
    private static final Pattern SCRIPT_CHECKS_OUT_PR = Pattern.compile("\\bgh\\s+pr\\s+checkout\\b|refs/pull/|\\bpull/\\$\\{\\{");
    private static final Pattern CACHE_ACTIONS = Pattern.compile("actions/cache(?:/restore)?");
    private static final Set<String> SETUP_ACTIONS_WITH_CACHE = Set.of("actions/setup-node", "actions/setup-python",
            "actions/setup-java", "actions/setup-dotnet", "actions/setup-go");

    private WorkflowAnalyzer() {
    }

    /**
     * @param path            the file's path, for findings
     * @param yaml            its text
     * @param repositoryOwner the owner of the repository the workflow belongs to: its own actions are
     *                        first-party and need no SHA pin (may be empty)
     */
    public static WorkflowAnalysis analyze(String path, String yaml, Optional<String> repositoryOwner) {
        YamlTree tree;
        try {
            tree = YamlTree.parse(yaml == null ? "" : yaml);
        } catch (InvalidYamlException e) {
            return notAnalysable(path, e.getMessage());
        }
        JsonNode root = tree.root();
        if (!root.isObject()) {
            return notAnalysable(path, "its top level is not a mapping of workflow keys");
        }
        JsonNode on = root.has("on") ? root.get("on") : root.path("true");
        Set<String> triggers = triggers(on);
        if (triggers.isEmpty()) {
            return notAnalysable(path, "it has no on: triggers, so GitHub does not run it");
        }
        JsonNode jobs = root.path("jobs");
        if (!jobs.isObject() || jobs.isEmpty()) {
            return notAnalysable(path, "it has no jobs: mapping, so GitHub does not run it");
        }
        return new Analysis(path, tree, triggers, repositoryOwner.map(o -> o.toLowerCase(Locale.ROOT))).run();
    }

    private static WorkflowAnalysis notAnalysable(String path, String why) {
        return new WorkflowAnalysis(path, false, Set.of(), List.of(new WorkflowFinding(WorkflowRule.NOT_ANALYSABLE, path,
                Optional.empty(), "", path + " could not be analysed: " + why, "")), List.of());
    }

    /** {@code on:} as a string, a list of strings, or a mapping whose keys are the events. */
    static Set<String> triggers(JsonNode on) {
        Set<String> out = new LinkedHashSet<>();
        if (on.isTextual()) {
            out.add(on.asText().trim());
        } else if (on.isArray()) {
            on.forEach(e -> {
                if (e.isTextual()) {
                    out.add(e.asText().trim());
                }
            });
        } else if (on.isObject()) {
            on.fieldNames().forEachRemaining(out::add);
        }
        out.removeIf(String::isEmpty);
        return out;
    }

    /** The analysis of one parsed workflow. */
    private static final class Analysis {
        private final String path;
        private final YamlTree tree;
        private final JsonNode root;
        private final Set<String> triggers;
        private final Optional<String> owner;
        private final boolean privileged;
        private final boolean pullRequestPrivileged;
        private final List<WorkflowFinding> findings = new ArrayList<>();
        private final List<PublishJob> publishJobs = new ArrayList<>();

        Analysis(String path, YamlTree tree, Set<String> triggers, Optional<String> owner) {
            this.path = path;
            this.tree = tree;
            this.root = tree.root();
            this.triggers = triggers;
            this.owner = owner;
            this.privileged = triggers.stream().anyMatch(PRIVILEGED_TRIGGERS::contains);
            this.pullRequestPrivileged = triggers.stream().anyMatch(PULL_REQUEST_PRIVILEGED::contains);
        }

        WorkflowAnalysis run() {
            JsonNode topPermissions = root.get("permissions");
            if (isWriteAll(topPermissions)) {
                add(WorkflowRule.WRITE_ALL_PERMISSIONS, line(topPermissions), "", "the workflow grants every job"
                        + " a token that can write everything (permissions: write-all)", "permissions: write-all");
            }
            Map<String, String> workflowEnv = env(root.get("env"));
            List<String> jobsWithoutPermissions = new ArrayList<>();
            root.path("jobs").properties().forEach(e -> {
                JsonNode job = e.getValue();
                if (!job.isObject()) {
                    return;
                }
                if (!job.has("permissions")) {
                    jobsWithoutPermissions.add(e.getKey());
                }
                job(e.getKey(), job, topPermissions, workflowEnv);
            });
            // A workflow run only through workflow_call gets its token from the caller.
            boolean calledOnly = triggers.equals(Set.of("workflow_call"));
            if (topPermissions == null && !jobsWithoutPermissions.isEmpty() && !calledOnly) {
                findings.add(0, new WorkflowFinding(WorkflowRule.MISSING_PERMISSIONS, path, Optional.of(1), "",
                        "no top-level permissions: block, and job" + (jobsWithoutPermissions.size() == 1 ? " " : "s ")
                                + String.join(", ", jobsWithoutPermissions) + " set" + (jobsWithoutPermissions.size() == 1 ? "s" : "")
                                + " none: " + (jobsWithoutPermissions.size() == 1 ? "it runs" : "they run")
                                + " with the repository's default GITHUB_TOKEN permissions, which can be read and write"
                                + (privileged ? ", under a trigger anyone can fire (" + String.join(", ", privilegedTriggers()) + ")" : ""),
                        "permissions: (missing)"));
            }
            return new WorkflowAnalysis(path, true, triggers, findings, publishJobs);
        }

        private void job(String jobId, JsonNode job, JsonNode topPermissions, Map<String, String> workflowEnv) {
            JsonNode jobPermissions = job.get("permissions");
            if (isWriteAll(jobPermissions)) {
                add(WorkflowRule.WRITE_ALL_PERMISSIONS, line(jobPermissions), "job " + jobId,
                        "job " + jobId + " gets a token that can write everything (permissions: write-all)", "permissions: write-all");
            }
            Map<String, String> jobEnv = new LinkedHashMap<>(workflowEnv);
            jobEnv.putAll(env(job.get("env")));
            Optional<String> reusable = text(job.get("uses"));
            reusable.ifPresent(uses -> pinning(uses, line(job), "job " + jobId));

            Set<Registry> registries = EnumSet.noneOf(Registry.class);
            List<String> publishSteps = new ArrayList<>();
            Set<String> secrets = new LinkedHashSet<>();
            List<String> caches = new ArrayList<>();
            registrySecretsInEnv(env(job.get("env")), secrets);
            registrySecretsInEnv(workflowEnv, secrets);
            // Secrets handed to a reusable workflow: secrets: { NPM_TOKEN: ${{ secrets.NPM_TOKEN }} }
            registrySecretsInEnv(env(job.get("secrets")), secrets);

            JsonNode steps = job.path("steps");
            int index = 0;
            for (JsonNode step : steps.isArray() ? steps : List.<JsonNode>of()) {
                index++;
                if (!step.isObject()) {
                    continue;
                }
                String where = "job " + jobId + ", step " + index + text(step.get("name")).map(n -> " \"" + n + "\"").orElse("");
                Map<String, String> stepEnv = new LinkedHashMap<>(jobEnv);
                stepEnv.putAll(env(step.get("env")));
                Optional<String> uses = text(step.get("uses"));
                Map<String, String> with = env(step.get("with"));
                Optional<String> run = text(step.get("run"));
                Optional<Integer> at = line(step);

                run.ifPresent(script -> untrustedInScript(script, stepEnv, at, where, "run:"));
                uses.ifPresent(u -> pinning(u, at, where));
                uses.map(WorkflowAnalyzer::ownerRepo).ifPresent(action -> {
                    if (action.equals("actions/github-script") && with.containsKey("script")) {
                        untrustedInScript(with.get("script"), stepEnv, at, where, "with.script:");
                    }
                    if (pullRequestPrivileged && action.equals("actions/checkout")) {
                        checksOutPullRequest(with, at, where);
                    }
                    if (restoresCache(action, with)) {
                        caches.add(where + " (" + uses.get() + ")");
                    }
                    Set<Registry> published = PublishCommands.byAction(action, with);
                    if (!published.isEmpty()) {
                        registries.addAll(published);
                        publishSteps.add(where + " (" + uses.get() + ")");
                        with.forEach((k, v) -> {
                            if (PublishCommands.isCredentialInput(k)) {
                                Expressions.secretsIn(v).stream().filter(s -> !s.equals("GITHUB_TOKEN")).forEach(secrets::add);
                            }
                        });
                    }
                });
                if (run.isPresent()) {
                    if (pullRequestPrivileged && SCRIPT_CHECKS_OUT_PR.matcher(run.get()).find()) {
                        add(WorkflowRule.PRIVILEGED_CHECKOUT_OF_UNTRUSTED_CODE, at, where, where + " fetches or checks out the"
                                + " pull request's code in a " + String.join("/", pullRequestTriggers())
                                + " workflow, which runs with the repository's token and secrets", "run: (checks out a pull request)");
                    }
                    Set<Registry> published = PublishCommands.inScript(run.get());
                    if (!published.isEmpty()) {
                        registries.addAll(published);
                        publishSteps.add(where);
                        // A token read in the publishing script itself, e.g. "npm config set //...:_authToken=${{ secrets.NPM_TOKEN }}".
                        Expressions.secretsIn(run.get()).stream().filter(PublishCommands::isRegistrySecretName).forEach(secrets::add);
                    }
                }
                registrySecretsInEnv(env(step.get("env")), secrets);
            }
            boolean releaseJob = !registries.isEmpty();
            if (releaseJob) {
                for (String cache : caches) {
                    add(WorkflowRule.CACHE_IN_RELEASE_JOB, line(job), "job " + jobId, "job " + jobId + " publishes to "
                            + names(registries) + " and restores a cache at " + cache + ": a cache written by another workflow"
                            + " (as the ultralytics attackers poisoned one from pull_request_target) ends up in the release",
                            cache.substring(cache.lastIndexOf('(') + 1, cache.length() - 1));
                }
            }
            // A remote reusable workflow's steps are not visible; a local one is a file of its own, analysed too.
            boolean remoteReusable = reusable.filter(u -> !u.trim().startsWith("./")).isPresent();
            if (releaseJob || remoteReusable && (isPublishingName(jobId) || !secrets.isEmpty())) {
                publishJobs.add(new PublishJob(path, jobId, line(job), registries, publishSteps,
                        idTokenWrite(jobPermissions, topPermissions), new ArrayList<>(secrets), environment(job.get("environment")),
                        reusable));
            }
        }

        /** Attacker-chosen text in a script: directly, or through an env variable read back with ${{ env.X }}. */
        private void untrustedInScript(String script, Map<String, String> env, Optional<Integer> at, String where, String field) {
            if (!privileged) {
                return;
            }
            Set<String> reported = new LinkedHashSet<>();
            for (String expression : Expressions.in(script)) {
                for (String ref : Expressions.references(expression)) {
                    Optional<String> why = UntrustedContexts.why(ref);
                    if (why.isEmpty() && ref.startsWith("env.")) {
                        why = untrustedEnv(ref.substring(4), env);
                    }
                    if (why.isPresent() && reported.add(ref)) {
                        add(WorkflowRule.UNTRUSTED_INPUT_IN_SCRIPT, at, where, where + " writes ${{ " + Expressions.display(expression)
                                + " }} into its " + field + " script: " + why.get() + ", and GitHub pastes it into the script before"
                                + " the shell runs, so it can run commands with the workflow's token and secrets under "
                                + String.join(", ", privilegedTriggers()), "${{ " + Expressions.display(expression) + " }}");
                    }
                }
            }
        }

        private Optional<String> untrustedEnv(String name, Map<String, String> env) {
            for (Map.Entry<String, String> e : env.entrySet()) {
                if (e.getKey().equalsIgnoreCase(name)) {
                    for (String ref : Expressions.referencesIn(e.getValue())) {
                        Optional<String> why = UntrustedContexts.why(ref);
                        if (why.isPresent()) {
                            return Optional.of("env." + e.getKey() + " holds " + ref + " (read it as $" + e.getKey()
                                    + " in the shell instead), and " + why.get());
                        }
                    }
                }
            }
            return Optional.empty();
        }

        private void checksOutPullRequest(Map<String, String> with, Optional<Integer> at, String where) {
            for (String input : List.of("ref", "repository")) {
                String value = with.getOrDefault(input, "");
                for (String ref : Expressions.referencesIn(value)) {
                    if (PR_HEAD.matcher(ref).matches()) {
                        add(WorkflowRule.PRIVILEGED_CHECKOUT_OF_UNTRUSTED_CODE, at, where, where + " checks out the pull"
                                + " request's code (" + input + ": ${{ " + ref + " }}) in a " + String.join("/", pullRequestTriggers())
                                + " workflow, which runs with the repository's token and secrets: any build or install"
                                + " script in that code runs with them", input + ": ${{ " + ref + " }}");
                        return;
                    }
                }
                if (value.contains("refs/pull/")) {
                    add(WorkflowRule.PRIVILEGED_CHECKOUT_OF_UNTRUSTED_CODE, at, where, where + " checks out a pull request"
                            + " ref (" + input + ": " + abbreviate(value) + ") with the repository's privileges", input + ": " + abbreviate(value));
                    return;
                }
            }
        }

        private void pinning(String uses, Optional<Integer> at, String where) {
            String u = uses.trim();
            if (u.startsWith("./") || u.startsWith(".\\")) {
                return;
            }
            if (u.startsWith("docker://")) {
                if (!u.contains("@sha256:")) {
                    add(WorkflowRule.UNPINNED_THIRD_PARTY_ACTION, at, where, where + " runs the container " + u
                            + " by tag, not by digest (@sha256:...): whoever controls the image can change what runs", "uses: " + u);
                }
                return;
            }
            int at2 = u.lastIndexOf('@');
            String action = ownerRepo(u);
            String ownerName = action.contains("/") ? action.substring(0, action.indexOf('/')) : action;
            if (FIRST_PARTY_OWNERS.contains(ownerName) || owner.filter(ownerName::equals).isPresent()) {
                return;
            }
            if (at2 < 0) {
                add(WorkflowRule.UNPINNED_THIRD_PARTY_ACTION, at, where, where + " uses " + u + " without any version:"
                        + " it runs whatever the default branch holds", "uses: " + u);
            } else if (!FULL_SHA.matcher(u.substring(at2 + 1)).matches()) {
                add(WorkflowRule.UNPINNED_THIRD_PARTY_ACTION, at, where, where + " uses " + u + ": a tag or branch can be"
                        + " moved to other code (as the tj-actions/changed-files tags were in March 2025); pin the full commit SHA",
                        "uses: " + u);
            }
        }

        private void add(WorkflowRule rule, Optional<Integer> line, String where, String detail, String what) {
            findings.add(new WorkflowFinding(rule, path, line, where, detail, what));
        }

        private List<String> privilegedTriggers() {
            return triggers.stream().filter(PRIVILEGED_TRIGGERS::contains).toList();
        }

        private List<String> pullRequestTriggers() {
            return triggers.stream().filter(PULL_REQUEST_PRIVILEGED::contains).toList();
        }

        private Optional<Integer> line(JsonNode node) {
            return node == null ? Optional.empty() : tree.line(node);
        }
    }

    /** {@code owner/repo} of a {@code uses:} reference, lower case (path and version dropped). */
    static String ownerRepo(String uses) {
        String u = uses.trim();
        int at = u.indexOf('@');
        if (at >= 0) {
            u = u.substring(0, at);
        }
        String[] parts = u.split("/");
        String result = parts.length >= 2 ? parts[0] + "/" + parts[1] : u;
        if (parts.length >= 3 && parts[0].equals("actions") && parts[1].equals("cache") && parts[2].equals("restore")) {
            result = "actions/cache/restore";
        }
        return result.toLowerCase(Locale.ROOT);
    }

    private static boolean restoresCache(String action, Map<String, String> with) {
        if (CACHE_ACTIONS.matcher(action).matches()) {
            return true;
        }
        if (SETUP_ACTIONS_WITH_CACHE.contains(action)) {
            String cache = with.getOrDefault("cache", "");
            // setup-go caches by default; the others only when asked.
            return action.equals("actions/setup-go") ? !cache.equalsIgnoreCase("false") : !cache.isBlank() && !cache.equalsIgnoreCase("false");
        }
        if (action.equals("astral-sh/setup-uv")) {
            return with.getOrDefault("enable-cache", "").equalsIgnoreCase("true");
        }
        return false;
    }

    /** Long-lived registry credentials passed through env: a credential variable, or a secret named like one. */
    private static void registrySecretsInEnv(Map<String, String> env, Set<String> secrets) {
        env.forEach((name, value) -> {
            for (String secret : Expressions.secretsIn(value)) {
                if (secret.equals("GITHUB_TOKEN")) {
                    continue;
                }
                if (PublishCommands.isCredentialVariable(name) || PublishCommands.isRegistrySecretName(secret)) {
                    secrets.add(secret);
                }
            }
        });
    }

    private static boolean idTokenWrite(JsonNode jobPermissions, JsonNode topPermissions) {
        JsonNode effective = jobPermissions != null ? jobPermissions : topPermissions;
        if (effective == null) {
            return false;
        }
        if (effective.isTextual()) {
            return effective.asText().trim().equals("write-all");
        }
        return effective.path("id-token").asText("").trim().equals("write");
    }

    private static boolean isWriteAll(JsonNode permissions) {
        return permissions != null && permissions.isTextual() && permissions.asText().trim().equals("write-all");
    }

    private static Optional<String> environment(JsonNode environment) {
        if (environment == null) {
            return Optional.empty();
        }
        if (environment.isObject()) {
            return text(environment.get("name"));
        }
        return text(environment);
    }

    private static boolean isPublishingName(String jobId) {
        String j = jobId.toLowerCase(Locale.ROOT);
        return j.contains("publish") || j.contains("release");
    }

    private static Optional<String> text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return Optional.empty();
        }
        String t = node.asText();
        return t.isBlank() ? Optional.empty() : Optional.of(t);
    }

    /** A mapping of scalars ({@code env:}, {@code with:}) as text; other values are left out. */
    private static Map<String, String> env(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.properties().forEach(e -> {
                if (!e.getValue().isContainerNode() && !e.getValue().isNull()) {
                    out.put(e.getKey(), e.getValue().asText());
                }
            });
        } else if (node != null && node.isTextual()) {
            // env: ${{ fromJSON(...) }} — a whole mapping from an expression
            out.put("*", node.asText());
        }
        return out;
    }

    private static String names(Set<Registry> registries) {
        return String.join(" and ", registries.stream().map(Registry::displayName).toList());
    }

    private static String abbreviate(String text) {
        String t = text.replaceAll("\\s+", " ").strip();
        return t.length() > 120 ? t.substring(0, 117) + "..." : t;
    }
}
