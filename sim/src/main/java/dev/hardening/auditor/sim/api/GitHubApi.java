package dev.hardening.auditor.sim.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.sim.server.Handler;
import dev.hardening.auditor.sim.server.SimRequest;
import dev.hardening.auditor.sim.server.SimResponse;
import dev.hardening.auditor.sim.world.Member;
import dev.hardening.auditor.sim.world.Repository;
import dev.hardening.auditor.sim.world.World;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The GitHub REST API of a world: the owner's account (from the demo world's recorded-shape bodies,
 * renamed), the organisation with its 2FA filters, and each repository's protection, rulesets,
 * workflows, collaborators, deploy keys and environments. Lists are paged as GitHub pages them
 * ({@code per_page}, {@code page}, a {@code Link} header).
 */
final class GitHubApi implements Handler {
    private static final String DEMO = "api.github.com/";
    private static final Set<String> TOKEN_ONLY = Set.of("user", "collaborators", "keys", "protection", "members",
            "outside_collaborators");

    private final World world;
    private final String base;
    private final Templates templates;
    private final Map<String, String> ownerNames;

    GitHubApi(World world, String base) {
        this.world = world;
        this.base = base;
        this.templates = new Templates(world.spec().now());
        Member owner = world.owner();
        this.ownerNames = Map.of("https://api.github.com/", base, "quill-dev", owner.login(), "Robin Quill", owner.name(),
                "robin@quillmere.dev", owner.email(), "inkwell-tools", world.org());
    }

    @Override
    public SimResponse handle(SimRequest r) {
        String auth = r.header("authorization");
        if (auth != null && !auth.equals("Bearer " + World.GITHUB_TOKEN) && !auth.equals("token " + World.GITHUB_TOKEN)) {
            return error(401, "Bad credentials");
        }
        List<String> s = r.segments();
        if (s.isEmpty()) {
            return notFound();
        }
        boolean needsToken = s.size() == 1 && s.get(0).equals("user") || s.stream().anyMatch(TOKEN_ONLY::contains)
                && !s.get(0).equals("users");
        if (needsToken && auth == null) {
            return error(401, "Requires authentication");
        }
        return switch (s.get(0)) {
            case "user" -> s.size() == 1 ? viewer() : s.size() == 2 && s.get(1).equals("emails") ? ok(template("user/emails.json"))
                    : notFound();
            case "users" -> user(r, s);
            case "orgs" -> org(r, s);
            case "repos" -> repo(r, s);
            default -> notFound();
        };
    }

    private SimResponse viewer() {
        return ok(template("user.json")).withHeader("X-OAuth-Scopes", "read:org, repo")
                .withHeader("X-Accepted-OAuth-Scopes", "");
    }

    private SimResponse user(SimRequest r, List<String> s) {
        if (s.size() < 2) {
            return notFound();
        }
        Optional<Member> who = world.person(s.get(1));
        if (who.isEmpty()) {
            return notFound();
        }
        boolean owner = who.get().equals(world.owner());
        if (s.size() == 2) {
            if (owner) {
                return ok(template("users/quill-dev.json"));
            }
            ObjectNode u = (ObjectNode) Json.parse(template("users/quill-dev.json"));
            u.put("login", who.get().login()).put("id", who.get().id()).put("name", who.get().name()).putNull("email");
            return ok(u);
        }
        String list = s.get(2);
        if (!owner) {
            return page(r, List.of());
        }
        return switch (list) {
            case "events" -> page(r, elements(template("users/quill-dev/events_public.json")));
            case "repos" -> page(r, elements(template("users/quill-dev/repos.json")));
            case "gpg_keys" -> page(r, elements(template("users/quill-dev/gpg_keys.json")));
            case "ssh_signing_keys" -> page(r, elements(template("users/quill-dev/ssh_signing_keys.json")));
            case "keys" -> page(r, elements(template("users/quill-dev/keys.json")));
            default -> notFound();
        };
    }

    private SimResponse org(SimRequest r, List<String> s) {
        if (!s.get(1).equalsIgnoreCase(world.org())) {
            return notFound();
        }
        if (s.size() == 2) {
            return ok(template("orgs/inkwell-tools.json"));
        }
        String filter = r.query().getOrDefault("filter", "all");
        List<Member> people = s.get(2).equals("members") ? world.members()
                : s.get(2).equals("outside_collaborators") ? world.outside() : null;
        if (people == null) {
            return notFound();
        }
        List<JsonNode> items = new ArrayList<>();
        for (Member m : people) {
            boolean listed = switch (filter) {
                case "2fa_disabled" -> m.mfa() == Member.Mfa.NONE;
                case "2fa_insecure" -> m.mfa() == Member.Mfa.SMS;
                default -> true;
            };
            if (listed) {
                items.add(simpleUser(m));
            }
        }
        return page(r, items);
    }

    private JsonNode simpleUser(Member m) {
        ObjectNode u = (ObjectNode) Json.parse(templates.load(DEMO + "orgs/inkwell-tools/members_2fa_insecure.json",
                Map.of("https://api.github.com/", base, "ivarga", m.login()))).get(0);
        u.put("id", m.id());
        return u;
    }

    private SimResponse repo(SimRequest r, List<String> s) {
        if (s.size() < 3) {
            return notFound();
        }
        if (s.get(1).equalsIgnoreCase(world.owner().login())) {
            // The owner's own repositories: only their commits are asked for.
            if (s.size() == 4 && s.get(3).equals("commits")) {
                String demoRepo = s.get(2);
                try {
                    return page(r, elements(template("repos/quill-dev/" + demoRepo + "/commits.json")));
                } catch (IllegalArgumentException noSuchDemoRepo) {
                    return page(r, List.of());
                }
            }
            return notFound();
        }
        Optional<Repository> found = world.repository(s.get(1), s.get(2));
        if (found.isEmpty()) {
            return notFound();
        }
        Repository repo = found.get();
        if (s.size() == 3) {
            return ok(repository(repo));
        }
        String what = s.get(3);
        return switch (what) {
            case "branches" -> s.size() == 5 ? branch(repo, s.get(4))
                    : s.size() == 6 && s.get(5).equals("protection") ? protection(repo, s.get(4)) : notFound();
            case "rules" -> s.size() == 6 && s.get(4).equals("branches") ? rules(r, repo, s.get(5)) : notFound();
            case "rulesets" -> s.size() == 5 && repo.protection() == Repository.Protection.RULESET
                    && s.get(4).equals(Long.toString(repo.rulesetId())) ? ok(repoTemplate(repo, "inkwell-parser/ruleset-4102311.json"))
                    : notFound();
            case "contents" -> contents(repo, s.subList(4, s.size()), r.query().getOrDefault("ref", repo.defaultBranch()));
            case "collaborators" -> collaborators(r, repo);
            case "keys" -> page(r, repo.writeDeployKey() ? elements(repoTemplate(repo, "inkwell-cli/keys.json")) : List.of());
            case "environments" -> s.size() == 5 ? environment(repo, s.get(4)) : notFound();
            case "commits" -> page(r, List.of());
            default -> notFound();
        };
    }

    private JsonNode repository(Repository repo) {
        ObjectNode json = (ObjectNode) Json.parse(repoTemplate(repo, "inkwell-parser.json"));
        json.put("id", repo.id()).put("default_branch", repo.defaultBranch()).put("archived", repo.archived());
        ObjectNode p = json.putObject("permissions");
        p.put("admin", true).put("maintain", true).put("push", true).put("triage", true).put("pull", true);
        return json;
    }

    private SimResponse branch(Repository repo, String branch) {
        if (!branch.equals(repo.defaultBranch())) {
            return notFound();
        }
        ObjectNode json = (ObjectNode) Json.parse(repoTemplate(repo, "inkwell-lint/branch-main.json"));
        json.put("name", branch).put("protected", repo.protection() != Repository.Protection.NONE);
        return ok(json);
    }

    private SimResponse protection(Repository repo, String branch) {
        if (!branch.equals(repo.defaultBranch())) {
            return notFound();
        }
        return switch (repo.protection()) {
            case CLASSIC -> ok(repoTemplate(repo, "inkwell-py/protection-main.json"));
            case CLASSIC_WEAK -> ok(repoTemplate(repo, "inkwell-colors/protection-main.json"));
            default -> SimResponse.json(404, template("repos/branch-not-protected.json")).withHeaders(headers());
        };
    }

    private SimResponse rules(SimRequest r, Repository repo, String branch) {
        if (repo.protection() != Repository.Protection.RULESET || !branch.equals(repo.defaultBranch())) {
            return page(r, List.of());
        }
        String text = repoTemplate(repo, "inkwell-parser/rules-main.json").replace("4102311", Long.toString(repo.rulesetId()));
        return page(r, elements(text));
    }

    private SimResponse contents(Repository repo, List<String> path, String ref) {
        if (path.size() < 2 || !path.get(0).equals(".github") || !path.get(1).equals("workflows") || !ref.equals(repo.defaultBranch())) {
            return notFound();
        }
        if (path.size() == 2) {
            ArrayNode listing = Json.array();
            for (Repository.Workflow w : repo.workflows()) {
                listing.add(contentEntry(repo, w, false));
            }
            return ok(listing);
        }
        if (path.size() == 3) {
            for (Repository.Workflow w : repo.workflows()) {
                if (w.name().equals(path.get(2))) {
                    return ok(contentEntry(repo, w, true));
                }
            }
        }
        return notFound();
    }

    private ObjectNode contentEntry(Repository repo, Repository.Workflow w, boolean withContent) {
        byte[] bytes = w.text().getBytes(StandardCharsets.UTF_8);
        String sha = Json.hash(bytes) + "00000000";
        String path = ".github/workflows/" + w.name();
        ObjectNode e = Json.object();
        e.put("name", w.name()).put("path", path).put("sha", sha).put("size", bytes.length)
                .put("url", base + "repos/" + repo.fullName() + "/contents/" + path + "?ref=" + repo.defaultBranch())
                .put("html_url", "https://github.com/" + repo.fullName() + "/blob/" + repo.defaultBranch() + "/" + path)
                .put("git_url", base + "repos/" + repo.fullName() + "/git/blobs/" + sha)
                .put("download_url", "https://raw.githubusercontent.com/" + repo.fullName() + "/" + repo.defaultBranch() + "/" + path)
                .put("type", "file");
        if (withContent) {
            e.put("content", Base64.getMimeEncoder(60, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(bytes) + "\n")
                    .put("encoding", "base64");
        }
        ObjectNode links = e.putObject("_links");
        links.put("self", e.get("url").asText()).put("git", e.get("git_url").asText()).put("html", e.get("html_url").asText());
        return e;
    }

    private SimResponse collaborators(SimRequest r, Repository repo) {
        Map<String, String> q = r.query();
        if ("admin".equals(q.get("permission"))) {
            return page(r, elements(repoTemplate(repo, "../admins-quill-dev.json")));
        }
        if ("outside".equals(q.get("affiliation"))) {
            if (repo.outsideAdmin().isEmpty()) {
                return page(r, List.of());
            }
            return page(r, elements(templates.load(DEMO + "repos/inkwell-tools/inkwell-colors/outside-collaborators.json",
                    with(repo, Map.of("mfenn", repo.outsideAdmin().get())))));
        }
        return page(r, elements(repoTemplate(repo, "../admins-quill-dev.json")));
    }

    private SimResponse environment(Repository repo, String name) {
        if (repo.environment().isEmpty() || !repo.environment().get().equals(name)) {
            return error(404, "Not Found");
        }
        ObjectNode env = (ObjectNode) Json.parse(repoTemplate(repo, "inkwell-parser/environment-npm.json")
                .replace("environments/npm", "environments/" + name).replace("environments_filter=npm", "environments_filter=" + name));
        env.put("name", name);
        if (!repo.environmentProtected()) {
            env.set("protection_rules", Json.array());
            env.putNull("deployment_branch_policy");
        }
        return ok(env);
    }

    /** One page of a list, with GitHub's {@code Link} header when there are more. */
    private SimResponse page(SimRequest r, List<JsonNode> items) {
        Map<String, String> q = r.query();
        int perPage = Math.max(1, Math.min(100, parse(q.get("per_page"), 30)));
        int pageNo = Math.max(1, parse(q.get("page"), 1));
        int last = Math.max(1, (items.size() + perPage - 1) / perPage);
        ArrayNode out = Json.array();
        for (int i = (pageNo - 1) * perPage; i < Math.min(items.size(), pageNo * perPage); i++) {
            out.add(items.get(i));
        }
        SimResponse response = ok(out);
        if (pageNo < last) {
            response = response.withHeader("Link", "<" + pageUrl(r, pageNo + 1) + ">; rel=\"next\", <" + pageUrl(r, last)
                    + ">; rel=\"last\"");
        } else if (pageNo > 1) {
            response = response.withHeader("Link", "<" + pageUrl(r, 1) + ">; rel=\"first\", <" + pageUrl(r, pageNo - 1)
                    + ">; rel=\"prev\"");
        }
        return response;
    }

    private String pageUrl(SimRequest r, int page) {
        StringBuilder b = new StringBuilder(base.substring(0, base.length() - 1)).append(r.rawPath());
        String sep = "?";
        for (Map.Entry<String, String> e : r.query().entrySet()) {
            if (!e.getKey().equals("page")) {
                b.append(sep).append(e.getKey()).append('=').append(e.getValue());
                sep = "&";
            }
        }
        return b.append(sep).append("page=").append(page).toString();
    }

    private static int parse(String v, int fallback) {
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static List<JsonNode> elements(String jsonArray) {
        List<JsonNode> out = new ArrayList<>();
        Json.parse(jsonArray).forEach(out::add);
        return out;
    }

    private String template(String path) {
        return templates.load(DEMO + path, ownerNames);
    }

    private String repoTemplate(Repository repo, String path) {
        String demoRepo = path.startsWith("../") ? "inkwell-parser" : path.substring(0, path.indexOf('/') < 0
                ? path.indexOf('.') : path.indexOf('/'));
        String file = path.startsWith("../") ? "repos/" + path.substring(3) : "repos/inkwell-tools/" + path;
        return templates.load(DEMO + file, with(repo, Map.of("inkwell-tools/" + demoRepo, repo.fullName(), demoRepo, repo.name())));
    }

    private Map<String, String> with(Repository repo, Map<String, String> extra) {
        Map<String, String> m = new LinkedHashMap<>(ownerNames);
        m.putAll(extra);
        return m;
    }

    private SimResponse ok(JsonNode node) {
        return Json.ok(node, true, headers());
    }

    private SimResponse ok(String json) {
        return Json.ok(json, true, headers());
    }

    private SimResponse notFound() {
        return error(404, "Not Found");
    }

    private SimResponse error(int status, String message) {
        return SimResponse.json(status, "{\"message\":\"" + message + "\",\"documentation_url\":\"https://docs.github.com/rest\","
                + "\"status\":\"" + status + "\"}").withHeaders(Map.of("X-GitHub-Media-Type", "github.v3; format=json"));
    }

    private static Map<String, String> headers() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Server", "GitHub.com");
        h.put("Cache-Control", "private, max-age=60, s-maxage=60");
        h.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP, Accept-Encoding, Accept, X-Requested-With");
        h.put("X-GitHub-Media-Type", "github.v3; format=json");
        h.put("x-github-api-version-selected", "2022-11-28");
        return h;
    }
}
