package dev.hardening.auditor.sim.bound;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hardening.auditor.core.demo.DemoBodies;
import dev.hardening.auditor.sim.server.Host;
import dev.hardening.auditor.sim.world.Domain;
import dev.hardening.auditor.sim.world.Member;
import dev.hardening.auditor.sim.world.NpmPackage;
import dev.hardening.auditor.sim.world.PyPIProject;
import dev.hardening.auditor.sim.world.Repository;
import dev.hardening.auditor.sim.world.World;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fewest requests an audit of a world can make: every distinct resource the enabled checks read,
 * derived from the world and the checks' rules, each with the requests it cannot be sent before (its
 * URL or the need for it comes from their answers). It models the benchmark's audit: the world's
 * organisation, its owner's npm packages ({@code --npm-user}) and every PyPI project
 * ({@code --pypi-project}), with the owner's GitHub and npm tokens and an HIBP key, and a fixed RDAP
 * server ({@code --rdap-url}).
 *
 * <p>The rules mirror what the collectors fetch for each check (the limits are the clients' and the
 * checks' own: 100 items a page on GitHub, 250 on npm's search, the latest three versions' artifacts,
 * PyPI provenance for the latest release's files, the two releases before it and two files of each
 * of the last eight, the wheel of the last three releases). A test compares this plan with what an
 * audit of a small world actually asks for, so the plan cannot drift from the code unnoticed.
 */
public final class RequestPlan {
    /** Every check that reads the network in this audit. */
    public static final Set<String> NETWORK_CHECKS = Set.of("github.2fa", "github.token", "github.signing-keys",
            "github.commit-email-exposure", "github.signed-commits", "account.mfa-method", "github.org-2fa", "npm.2fa",
            "npm.tokens", "publishers.roster", "registry.email-exposure", "release.provenance", "release.trusted-publishing",
            "release.publish-anomalies", "release.leaked-secrets", "release.sensitive-files", "github.branch-protection",
            "github.workflow-injection", "github.repo-access", "email.breach", "email.domain-expiry");

    static final int GITHUB_PAGE = 100;
    static final int NPM_SEARCH_PAGE = 250;
    static final int ARTIFACT_VERSIONS = 3;
    static final int WHEELS_PER_RELEASE = 2;
    static final int HISTORY_RELEASES = 8;
    static final int HISTORY_FILES = 2;
    static final int WHEEL_RELEASES = 3;
    static final int PREVIOUS_FILES = 4;
    static final int LATEST_FILES = 12;
    static final int RECENT_COMMIT_REPOS = 5;
    static final int WORKFLOW_FILES = 30;
    static final int WHEEL_TAIL = 64 * 1024;

    /** One request, and the requests any one of which makes it possible (none: it can be sent at once). */
    public static final class Node {
        private final Host host;
        private final String key;
        private final String what;
        private final List<Node> after = new ArrayList<>();

        Node(Host host, String key, String what) {
            this.host = host;
            this.key = key;
            this.what = what;
        }

        public Host host() {
            return host;
        }

        public String key() {
            return key;
        }

        /** The fact it serves, for reports. */
        public String what() {
            return what;
        }

        public List<Node> after() {
            return java.util.Collections.unmodifiableList(after);
        }

        public String id() {
            return host + " " + key;
        }

        @Override
        public String toString() {
            return id();
        }
    }

    private final Map<String, Node> nodes = new LinkedHashMap<>();
    private final World world;
    private final Set<String> checks;

    private RequestPlan(World world, Set<String> checks) {
        this.world = world;
        this.checks = checks;
    }

    /** The plan for the benchmark's audit of {@code world} with {@code checks} enabled (all: {@link #NETWORK_CHECKS}). */
    public static RequestPlan of(World world, Set<String> checks) {
        RequestPlan p = new RequestPlan(world, checks);
        p.build();
        return p;
    }

    public Collection<Node> requests() {
        return nodes.values();
    }

    public int size() {
        return nodes.size();
    }

    public Map<Host, Integer> countByHost() {
        Map<Host, Integer> out = new EnumMap<>(Host.class);
        nodes.values().forEach(n -> out.merge(n.host(), 1, Integer::sum));
        return out;
    }

    /** {@code HOST key} of every request, as {@code RequestLog} names them. */
    public Set<String> ids() {
        Set<String> out = new LinkedHashSet<>();
        nodes.values().forEach(n -> out.add(n.id()));
        return out;
    }

    /**
     * How a run's requests differ from the plan.
     *
     * @param outsidePlan    resources requested that the plan does not hold
     * @param neverRequested planned resources no request asked for
     * @param repeated       resources requested more than once, with how often
     */
    public record Deviations(Set<String> outsidePlan, Set<String> neverRequested, Map<String, Integer> repeated) {
        public Deviations {
            outsidePlan = Collections.unmodifiableSet(new TreeSet<>(outsidePlan));
            neverRequested = Collections.unmodifiableSet(new TreeSet<>(neverRequested));
            repeated = Collections.unmodifiableMap(new LinkedHashMap<>(repeated));
        }
    }

    /** Compares what was asked (as {@code RequestLog.countByResource} counts it) with the plan. */
    public Deviations deviations(Map<String, Integer> asked) {
        Set<String> planned = ids();
        Set<String> outside = new TreeSet<>(asked.keySet());
        outside.removeAll(planned);
        Set<String> never = new TreeSet<>(planned);
        never.removeAll(asked.keySet());
        Map<String, Integer> repeated = new LinkedHashMap<>();
        asked.forEach((k, n) -> {
            if (n > 1) {
                repeated.put(k, n);
            }
        });
        return new Deviations(outside, never, repeated);
    }

    private boolean on(String... ids) {
        for (String id : ids) {
            if (checks.contains(id)) {
                return true;
            }
        }
        return false;
    }

    private Node add(Host host, String key, String what, Node... after) {
        Node n = nodes.computeIfAbsent(host + " " + key, id -> new Node(host, key, what));
        for (Node a : after) {
            // Another way to learn of the same resource: any one of them will do.
            if (a != null && !n.after.contains(a)) {
                n.after.add(a);
            }
        }
        return n;
    }

    private void build() {
        String login = world.owner().login();
        String org = world.org();
        Node viewer = null;
        if (on("github.2fa", "github.token", "github.signing-keys", "github.commit-email-exposure", "github.signed-commits",
                "account.mfa-method", "email.breach", "email.domain-expiry")) {
            viewer = add(Host.GITHUB, "/user", "github.viewer");
        }
        if (on("github.signing-keys")) {
            add(Host.GITHUB, "/users/" + login + "/gpg_keys?per_page=100", "github.gpg-keys", viewer);
            add(Host.GITHUB, "/users/" + login + "/ssh_signing_keys?per_page=100", "github.ssh-signing-keys", viewer);
        }
        if (on("github.commit-email-exposure")) {
            add(Host.GITHUB, "/users/" + login + "/events/public?per_page=100", "github.public-events", viewer);
            add(Host.GITHUB, "/users/" + login, "github.user", viewer);
            add(Host.GITHUB, "/user/emails?per_page=100", "github.emails", viewer);
        }
        if (on("github.commit-email-exposure", "github.signed-commits")) {
            Node repos = add(Host.GITHUB, "/users/" + login + "/repos?per_page=30&sort=pushed&type=owner", "github.user-repos", viewer);
            for (String repo : ownerRepositories().subList(0, Math.min(RECENT_COMMIT_REPOS, ownerRepositories().size()))) {
                add(Host.GITHUB, "/repos/" + repo + "/commits?author=" + login + "&per_page=20", "github.recent-commits", repos);
            }
        }
        if (on("github.org-2fa")) {
            Node o = add(Host.GITHUB, "/orgs/" + org, "github.org");
            Node disabled = pages(Host.GITHUB, "/orgs/" + org + "/members", "filter=2fa_disabled", count(world.members(), Member.Mfa.NONE),
                    "github.org-members", o);
            pages(Host.GITHUB, "/orgs/" + org + "/outside_collaborators", "filter=2fa_disabled", count(world.outside(), Member.Mfa.NONE),
                    "github.org-outside-collaborators", disabled);
            pages(Host.GITHUB, "/orgs/" + org + "/members", "filter=2fa_insecure", count(world.members(), Member.Mfa.SMS),
                    "github.org-members", disabled);
            pages(Host.GITHUB, "/orgs/" + org + "/outside_collaborators", "filter=2fa_insecure", count(world.outside(), Member.Mfa.SMS),
                    "github.org-outside-collaborators", disabled);
        }
        if (on("account.mfa-method")) {
            pages(Host.GITHUB, "/orgs/" + org + "/members", "filter=2fa_insecure", count(world.members(), Member.Mfa.SMS),
                    "github.org-members", viewer);
        }
        Node profile = null;
        if (on("npm.2fa", "account.mfa-method", "email.breach", "email.domain-expiry")) {
            profile = add(Host.NPM, "/-/npm/v1/user", "npm.profile");
        }
        if (on("npm.tokens")) {
            add(Host.NPM, "/-/npm/v1/tokens", "npm.tokens");
        }

        boolean packages = on("publishers.roster", "registry.email-exposure", "release.provenance", "release.trusted-publishing",
                "release.publish-anomalies", "release.leaked-secrets", "release.sensitive-files", "github.branch-protection",
                "github.workflow-injection", "github.repo-access", "email.breach", "email.domain-expiry");
        Map<String, Node> packuments = new LinkedHashMap<>();
        Map<String, Node> projects = new LinkedHashMap<>();
        if (packages) {
            List<NpmPackage> listed = world.npmPackages().stream().filter(p -> p.maintainers().contains(login)).toList();
            Node first = null;
            int searchPages = Math.max(1, (listed.size() + NPM_SEARCH_PAGE - 1) / NPM_SEARCH_PAGE);
            for (int page = 0; page < searchPages; page++) {
                Node search = add(Host.NPM, "/-/v1/search?from=" + page * NPM_SEARCH_PAGE + "&size=" + NPM_SEARCH_PAGE
                        + "&text=maintainer:" + login, "npm.user-packages", first);
                first = first == null ? search : first;
                for (NpmPackage p : listed.subList(page * NPM_SEARCH_PAGE, Math.min(listed.size(), (page + 1) * NPM_SEARCH_PAGE))) {
                    packuments.put(p.name(), add(Host.NPM, "/" + p.name().replace("/", "%2F"), "npm.packument", search));
                }
            }
            for (PyPIProject p : world.pypiProjects()) {
                projects.put(p.name(), add(Host.PYPI, "/pypi/" + p.name() + "/json", "pypi.project"));
            }
        }
        if (on("release.leaked-secrets", "release.sensitive-files")) {
            for (NpmPackage p : world.npmPackages()) {
                Node packument = packuments.get(p.name());
                List<NpmPackage.Version> v = p.versions();
                for (int i = v.size() - 1; i >= Math.max(0, v.size() - ARTIFACT_VERSIONS); i--) {
                    add(Host.NPM, "/" + p.name() + "/-/" + p.tarballName(v.get(i).version()), "artifacts.npm", packument);
                }
            }
            for (PyPIProject p : world.pypiProjects()) {
                List<PyPIProject.Release> r = p.releases();
                for (int i = r.size() - 1; i >= Math.max(0, r.size() - ARTIFACT_VERSIONS); i--) {
                    int wheels = 0;
                    for (PyPIProject.File f : r.get(i).files()) {
                        boolean wheel = f.packageType().equals("bdist_wheel");
                        if (!wheel || wheels++ < WHEELS_PER_RELEASE) {
                            add(Host.FILES, filePath(f), "artifacts.pypi", projects.get(p.name()));
                        }
                    }
                }
            }
        }
        if (on("release.provenance", "release.trusted-publishing", "release.publish-anomalies")) {
            for (PyPIProject p : world.pypiProjects()) {
                provenance(p, projects.get(p.name()));
            }
        }
        if (on("release.publish-anomalies")) {
            for (PyPIProject p : world.pypiProjects()) {
                List<PyPIProject.Release> r = p.releases();
                for (PyPIProject.Release release : r.subList(Math.max(0, r.size() - WHEEL_RELEASES), r.size())) {
                    release.files().stream().filter(f -> f.filename().endsWith("-none-any.whl")).findFirst()
                            .ifPresent(f -> add(Host.FILES, filePath(f) + " [bytes=-" + WHEEL_TAIL + "]", "pypi.wheel-entries",
                                    projects.get(p.name())));
                }
            }
        }
        if (on("github.branch-protection", "github.workflow-injection", "github.repo-access", "release.trusted-publishing")) {
            repositories(packuments, projects);
        }
        if (on("email.breach", "email.domain-expiry")) {
            emails(viewer, profile, packuments, projects);
        }
    }

    /** The PyPI provenance files the three checks read, for the world's kinds of projects (all attested, or none). */
    private void provenance(PyPIProject p, Node project) {
        List<PyPIProject.Release> r = p.releases();
        int latest = r.size() - 1;
        Set<String> wanted = new LinkedHashSet<>();
        if (on("release.provenance", "release.trusted-publishing")) {
            PyPIProject.Release last = r.get(latest);
            last.files().stream().limit(LATEST_FILES).forEach(f -> wanted.add(last.version() + "/" + f.filename()));
            boolean attested = last.files().stream().limit(LATEST_FILES).allMatch(PyPIProject.File::attested);
            if (attested && on("release.provenance")) {
                // The two releases before an attested latest: no unattested one in between?
                for (PyPIProject.Release e : r.subList(Math.max(0, latest - 2), latest)) {
                    e.files().stream().limit(PREVIOUS_FILES).forEach(f -> wanted.add(e.version() + "/" + f.filename()));
                }
            } else if (!attested && latest > 0) {
                // Was the previous release attested? Its files until one is.
                PyPIProject.Release previous = r.get(latest - 1);
                for (PyPIProject.File f : previous.files().subList(0, Math.min(PREVIOUS_FILES, previous.files().size()))) {
                    wanted.add(previous.version() + "/" + f.filename());
                    if (f.attested()) {
                        break;
                    }
                }
            }
        }
        if (on("release.publish-anomalies")) {
            for (PyPIProject.Release e : r.subList(Math.max(0, r.size() - HISTORY_RELEASES), r.size())) {
                e.files().stream().limit(HISTORY_FILES).forEach(f -> wanted.add(e.version() + "/" + f.filename()));
            }
        }
        for (String vf : wanted) {
            add(Host.PYPI, "/integrity/" + p.name() + "/" + vf + "/provenance", "pypi.provenance", project);
        }
    }

    private void repositories(Map<String, Node> packuments, Map<String, Node> projects) {
        Map<String, List<Node>> linkedBy = new LinkedHashMap<>();
        for (NpmPackage p : world.npmPackages()) {
            p.repositoryLink().map(RequestPlan::repoOf).ifPresent(r -> linkedBy.computeIfAbsent(r, k -> new ArrayList<>())
                    .add(packuments.get(p.name())));
        }
        for (PyPIProject p : world.pypiProjects()) {
            p.sourceUrl().map(RequestPlan::repoOf).ifPresent(r -> linkedBy.computeIfAbsent(r, k -> new ArrayList<>())
                    .add(projects.get(p.name())));
        }
        linkedBy.forEach((fullName, sources) -> {
            Repository repo = world.repository(fullName.split("/")[0], fullName.split("/")[1]).orElseThrow();
            String base = "/repos/" + repo.fullName();
            String b = repo.defaultBranch();
            Node meta = add(Host.GITHUB, base, "github.repository", sources.toArray(Node[]::new));
            if (on("github.branch-protection") && !repo.archived()) {
                add(Host.GITHUB, base + "/branches/" + b + "/protection", "github.classic-protection", meta);
                Node rules = add(Host.GITHUB, base + "/rules/branches/" + b + "?per_page=100", "github.branch-rules", meta);
                if (repo.protection() == Repository.Protection.RULESET) {
                    add(Host.GITHUB, base + "/rulesets/" + repo.rulesetId(), "github.ruleset", rules);
                }
            }
            if (on("github.workflow-injection", "release.trusted-publishing")) {
                Node listing = add(Host.GITHUB, base + "/contents/.github/workflows?ref=" + b, "github.workflows", meta);
                for (Repository.Workflow w : repo.workflows().stream().sorted(java.util.Comparator.comparing(Repository.Workflow::name))
                        .limit(WORKFLOW_FILES).toList()) {
                    Node file = add(Host.GITHUB, base + "/contents/.github/workflows/" + w.name() + "?ref=" + b, "github.workflows", listing);
                    if (on("release.trusted-publishing") && w.name().equals("release.yml") && repo.environment().isPresent()) {
                        add(Host.GITHUB, base + "/environments/" + repo.environment().get(), "github.environment", file);
                    }
                }
            }
            if (on("github.repo-access")) {
                add(Host.GITHUB, base + "/collaborators?affiliation=all&per_page=100&permission=admin", "github.admins", meta);
                add(Host.GITHUB, base + "/collaborators?affiliation=outside&per_page=100", "github.outside-collaborators", meta);
                add(Host.GITHUB, base + "/keys?per_page=100", "github.deploy-keys", meta);
            }
        });
    }

    /** HIBP per address and RDAP per domain (large providers skipped) of every address the audit learns, from where it learns it. */
    private void emails(Node viewer, Node profile, Map<String, Node> packuments, Map<String, Node> projects) {
        Map<String, List<Node>> sources = new LinkedHashMap<>();
        sources.computeIfAbsent(world.owner().email(), k -> new ArrayList<>()).add(viewer);
        sources.computeIfAbsent(world.owner().email(), k -> new ArrayList<>()).add(profile);
        for (NpmPackage p : world.npmPackages()) {
            for (String m : p.maintainers()) {
                sources.computeIfAbsent(world.person(m).orElseThrow().email(), k -> new ArrayList<>()).add(packuments.get(p.name()));
            }
        }
        for (PyPIProject p : world.pypiProjects()) {
            String address = p.authorEmail().substring(p.authorEmail().indexOf('<') + 1, p.authorEmail().indexOf('>'));
            sources.computeIfAbsent(address, k -> new ArrayList<>()).add(projects.get(p.name()));
        }
        Map<String, List<Node>> domains = new LinkedHashMap<>();
        sources.forEach((address, from) -> {
            if (on("email.breach")) {
                add(Host.HIBP, "/api/v3/breachedaccount/" + percentEncode(address) + "?truncateResponse=false", "hibp.breaches",
                        from.toArray(Node[]::new));
            }
            domains.computeIfAbsent(address.substring(address.indexOf('@') + 1), d -> new ArrayList<>()).addAll(from);
        });
        if (on("email.domain-expiry")) {
            domains.forEach((domain, from) -> {
                Domain d = world.domains().get(domain);
                if (d != null && !domain.equals("gmail.com")) {
                    add(Host.RDAP, "/domain/" + domain, "rdap.domain", from.toArray(Node[]::new));
                }
            });
        }
    }

    /** Requests for a GitHub list of {@code items} items, 100 a page; each page needs the one before. */
    private Node pages(Host host, String path, String filter, int items, String what, Node after) {
        int count = Math.max(1, (items + GITHUB_PAGE - 1) / GITHUB_PAGE);
        Node first = add(host, path + "?" + filter + "&per_page=100", what, after);
        Node previous = first;
        for (int page = 2; page <= count; page++) {
            previous = add(host, path + "?" + filter + "&page=" + page + "&per_page=100", what, previous);
        }
        return first;
    }

    private static int count(List<Member> people, Member.Mfa mfa) {
        return (int) people.stream().filter(m -> m.mfa() == mfa).count();
    }

    /** The owner's own repositories, not forks, most recently pushed first (the demo world's, renamed). */
    private List<String> ownerRepositories() {
        List<String> out = new ArrayList<>();
        try {
            JsonNode repos = new ObjectMapper().readTree(DemoBodies.read("api.github.com/users/quill-dev/repos.json")
                    .replaceAll("\\{\\{[^}]*}}", "2020-01-01T00:00:00Z"));
            for (JsonNode r : repos) {
                if (!r.path("fork").asBoolean(false)) {
                    out.add(r.path("full_name").asText().replace("quill-dev", world.owner().login()));
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    private static String filePath(PyPIProject.File f) {
        String h = sha256Hex((f.filename() + "#path").getBytes(StandardCharsets.UTF_8));
        return "/packages/" + h.substring(0, 2) + "/" + h.substring(2, 4) + "/" + h.substring(4) + "/" + f.filename();
    }

    private static String sha256Hex(byte[] b) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String repoOf(String link) {
        String l = link.replaceFirst("^git\\+", "").replaceFirst("^github:", "https://github.com/")
                .replaceFirst("^ssh://git@github.com/", "https://github.com/").replaceFirst("\\.git$", "");
        int i = l.indexOf("github.com/");
        String path = i < 0 ? l : l.substring(i + "github.com/".length());
        String[] parts = path.split("/");
        return (parts[0] + "/" + parts[1]).toLowerCase(Locale.ROOT);
    }

    static String percentEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return out.toString();
    }
}
