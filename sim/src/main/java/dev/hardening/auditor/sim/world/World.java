package dev.hardening.auditor.sim.world;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A generated organisation with its people, repositories and packages: the data the simulated
 * services answer from. Immutable; {@link WorldGenerator} builds it from a {@link WorldSpec}.
 */
public final class World {
    /** The tokens the simulated services accept (the audit is given these; they must never reach another host). */
    public static final String GITHUB_TOKEN = "ghp_SIMULATED0000000000000000000000000000";
    public static final String NPM_TOKEN = "npm_SIMULATED000000000000000000000000000";
    public static final String HIBP_KEY = "SIMULATED0hibp0key000000000000000";

    private final WorldSpec spec;
    private final String org;
    private final Member owner;
    private final List<Member> members;
    private final List<Member> outside;
    private final List<Repository> repositories;
    private final List<NpmPackage> npmPackages;
    private final List<PyPIProject> pypiProjects;
    private final Map<String, Domain> domains;
    private final Set<String> breached;
    private final Map<String, Member> people = new LinkedHashMap<>();
    private final Map<String, Repository> repoIndex = new LinkedHashMap<>();
    private final Map<String, NpmPackage> npmIndex = new LinkedHashMap<>();
    private final Map<String, PyPIProject> pypiIndex = new LinkedHashMap<>();

    /**
     * @param org      the organisation's login
     * @param owner    its owner, the account whose tokens the audit uses (npm maintainer of every package)
     * @param members  every member, the owner first
     * @param outside  outside collaborators of the organisation
     * @param domains  every mail domain in use, by name
     * @param breached addresses Have I Been Pwned knows in a breach
     */
    public World(WorldSpec spec, String org, Member owner, List<Member> members, List<Member> outside,
                 List<Repository> repositories, List<NpmPackage> npmPackages, List<PyPIProject> pypiProjects,
                 Map<String, Domain> domains, Set<String> breached) {
        this.spec = spec;
        this.org = org;
        this.owner = owner;
        this.members = List.copyOf(members);
        this.outside = List.copyOf(outside);
        this.repositories = List.copyOf(repositories);
        this.npmPackages = List.copyOf(npmPackages);
        this.pypiProjects = List.copyOf(pypiProjects);
        this.domains = Map.copyOf(domains);
        this.breached = Set.copyOf(breached);
        this.members.forEach(m -> people.put(m.login().toLowerCase(Locale.ROOT), m));
        this.outside.forEach(m -> people.put(m.login().toLowerCase(Locale.ROOT), m));
        this.repositories.forEach(r -> repoIndex.put(r.fullName().toLowerCase(Locale.ROOT), r));
        this.npmPackages.forEach(p -> npmIndex.put(p.name(), p));
        this.pypiProjects.forEach(p -> pypiIndex.put(normalise(p.name()), p));
    }

    public WorldSpec spec() {
        return spec;
    }

    public String org() {
        return org;
    }

    public Member owner() {
        return owner;
    }

    public List<Member> members() {
        return members;
    }

    public List<Member> outside() {
        return outside;
    }

    public List<Repository> repositories() {
        return repositories;
    }

    public List<NpmPackage> npmPackages() {
        return npmPackages;
    }

    public List<PyPIProject> pypiProjects() {
        return pypiProjects;
    }

    public Map<String, Domain> domains() {
        return domains;
    }

    public Set<String> breached() {
        return breached;
    }

    public Optional<Member> person(String login) {
        return Optional.ofNullable(people.get(login.toLowerCase(Locale.ROOT)));
    }

    public Optional<Repository> repository(String owner, String name) {
        return Optional.ofNullable(repoIndex.get((owner + "/" + name).toLowerCase(Locale.ROOT)));
    }

    public Optional<NpmPackage> npmPackage(String name) {
        return Optional.ofNullable(npmIndex.get(name));
    }

    public Optional<PyPIProject> pypiProject(String name) {
        return Optional.ofNullable(pypiIndex.get(normalise(name)));
    }

    /** PEP 503. */
    static String normalise(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[-_.]+", "-");
    }
}
