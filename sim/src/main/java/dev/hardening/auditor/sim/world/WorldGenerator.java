package dev.hardening.auditor.sim.world;

import dev.hardening.auditor.sim.world.Member.Mfa;
import dev.hardening.auditor.sim.world.Repository.Protection;
import dev.hardening.auditor.sim.world.Repository.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Builds a {@link World} from a {@link WorldSpec}, deterministically from its seed. The mix is meant
 * to look like a real organisation and to give every check a spread of verdicts: most repositories
 * protected by a ruleset or classic protection and some not at all, most packages published through
 * trusted publishing and some with long-lived tokens, a few expired mail domains, a few breached
 * addresses, a few packages published by someone off the roster.
 */
public final class WorldGenerator {
    public static final String ORG = "sim-org";
    private static final Duration DAY = Duration.ofDays(1);

    private WorldGenerator() {
    }

    public static World generate(WorldSpec spec) {
        Random random = new Random(spec.seed());
        Instant now = spec.now();

        // Mail domains: about one per ten members; gmail.com (a large provider, never looked up in RDAP) for a third.
        int domainCount = Math.max(2, spec.members() / 10);
        String[] tlds = {"dev", "org", "net", "io"};
        Map<String, Domain> domains = new LinkedHashMap<>();
        List<String> own = new ArrayList<>();
        for (int d = 0; d < domainCount; d++) {
            String name = String.format(Locale.ROOT, "team%02d-mail.%s", d, tlds[d % tlds.length]);
            own.add(name);
            int kind = d % 17;
            Domain domain = kind == 5 ? new Domain(name, false, Optional.empty())
                    : kind == 9 ? new Domain(name, true, Optional.of(now.minus(DAY.multipliedBy(40))))
                    : kind == 13 ? new Domain(name, true, Optional.of(now.plus(DAY.multipliedBy(12))))
                    : new Domain(name, true, Optional.of(now.plus(DAY.multipliedBy(200 + d))));
            domains.put(name, domain);
        }
        domains.put("gmail.com", new Domain("gmail.com", true, Optional.of(now.plus(DAY.multipliedBy(900)))));

        List<Member> members = new ArrayList<>();
        Set<String> breached = new LinkedHashSet<>();
        for (int i = 0; i < spec.members(); i++) {
            String login = String.format(Locale.ROOT, "member-%04d", i);
            String domain = i % 3 == 1 ? "gmail.com" : own.get(i % own.size());
            String email = login + "@" + domain;
            // The organisation requires 2FA: nobody is without it; a few rely on SMS.
            Mfa mfa = i == 0 ? Mfa.SECURITY_KEY : i % 25 == 7 ? Mfa.SMS : i % 2 == 0 ? Mfa.TOTP : Mfa.SECURITY_KEY;
            members.add(new Member(login, 5_000_000L + i, "Member " + i, email, mfa, false));
            if (i % 10 == 3) {
                breached.add(email);
            }
        }
        Member owner = members.get(0);
        List<Member> outside = new ArrayList<>();
        for (int i = 0; i < Math.max(1, spec.members() / 100); i++) {
            String login = String.format(Locale.ROOT, "outside-%02d", i);
            outside.add(new Member(login, 7_000_000L + i, "Outside " + i, login + "@" + own.get(i % own.size()),
                    i == 0 ? Mfa.NONE : i == 1 ? Mfa.SMS : Mfa.TOTP, true));
        }

        // Which registries publish from each repository (a repository may publish both).
        int repoCount = spec.repositories();
        boolean[] npmRepo = new boolean[repoCount];
        boolean[] pypiRepo = new boolean[repoCount];
        for (int i = 0; i < spec.npmPackages(); i++) {
            npmRepo[i % repoCount] = true;
        }
        for (int j = 0; j < spec.pypiProjects(); j++) {
            pypiRepo[(spec.npmPackages() + j) % repoCount] = true;
        }
        List<Repository> repos = new ArrayList<>();
        for (int r = 0; r < repoCount; r++) {
            repos.add(repository(r, npmRepo[r] || !pypiRepo[r], pypiRepo[r]));
        }

        List<NpmPackage> npm = new ArrayList<>();
        for (int i = 0; i < spec.npmPackages(); i++) {
            npm.add(npmPackage(spec, i, repos.get(i % repoCount), members, random));
        }
        List<PyPIProject> pypi = new ArrayList<>();
        for (int j = 0; j < spec.pypiProjects(); j++) {
            pypi.add(pypiProject(spec, j, repos.get((spec.npmPackages() + j) % repoCount), members, random));
        }
        return new World(spec, ORG, owner, members, outside, repos, npm, pypi, domains, breached);
    }

    /** How each repository's release workflow publishes: OIDC from an environment, a long-lived token, OIDC alone. */
    enum Publishing { OIDC_ENVIRONMENT, TOKEN, OIDC_NO_ENVIRONMENT }

    static Publishing publishing(int repoIndex) {
        int v = repoIndex % 20;
        return v < 12 ? Publishing.OIDC_ENVIRONMENT : v < 17 ? Publishing.TOKEN : Publishing.OIDC_NO_ENVIRONMENT;
    }

    private static Repository repository(int r, boolean npm, boolean pypi) {
        String name = String.format(Locale.ROOT, "repo-%03d", r);
        Protection protection = switch (r % 5) {
            case 0, 1 -> Protection.RULESET;
            case 2 -> Protection.CLASSIC;
            case 3 -> Protection.CLASSIC_WEAK;
            default -> Protection.NONE;
        };
        Publishing publishing = publishing(r);
        List<Workflow> workflows = new ArrayList<>();
        workflows.add(new Workflow("ci.yml", CI));
        workflows.add(new Workflow("release.yml", release(publishing, npm, pypi, name)));
        if (r % 7 == 0) {
            workflows.add(new Workflow("triage.yml", TRIAGE));
        }
        Optional<String> environment = publishing == Publishing.OIDC_ENVIRONMENT ? Optional.of("release") : Optional.empty();
        return new Repository(ORG, name, 900_000L + r, r % 10 == 6 ? "master" : "main", r % 50 == 49, protection,
                4_100_000L + r, workflows, environment, r % 2 == 0, r % 25 == 3 ? Optional.of("outside-00") : Optional.empty(),
                r % 10 == 4);
    }

    private static NpmPackage npmPackage(WorldSpec spec, int i, Repository repo, List<Member> members, Random random) {
        String name = i % 10 == 9 ? String.format(Locale.ROOT, "@sim/pkg-%04d", i) : String.format(Locale.ROOT, "sim-pkg-%04d", i);
        Optional<String> link = i % 50 == 17 ? Optional.empty() : Optional.of(switch (i % 4) {
            case 0 -> "git+https://github.com/" + repo.fullName() + ".git";
            case 1 -> "github:" + repo.fullName();
            case 2 -> "https://github.com/" + repo.fullName();
            default -> "git+ssh://git@github.com/" + repo.fullName() + ".git";
        });
        List<String> maintainers = new ArrayList<>();
        maintainers.add(members.get(0).login());
        int extra = 1 + random.nextInt(2);
        for (int k = 0; k < extra && members.size() > 1; k++) {
            String m = members.get(1 + random.nextInt(members.size() - 1)).login();
            if (!maintainers.contains(m)) {
                maintainers.add(m);
            }
        }
        boolean trusted = publishing(repoIndex(repo)) != Publishing.TOKEN;
        int count = spec.versionsPerPackage();
        List<NpmPackage.Version> versions = new ArrayList<>();
        Instant first = spec.now().minus(DAY.multipliedBy(900 + random.nextInt(300)));
        Instant last = spec.now().minus(DAY.multipliedBy(2 + random.nextInt(60)));
        for (int v = 0; v < count; v++) {
            Instant at = count == 1 ? last : first.plus(Duration.between(first, last).multipliedBy(v).dividedBy(count - 1))
                    .plusSeconds(random.nextInt(3600));
            boolean latest = v == count - 1;
            boolean viaOidc = trusted && v >= count - Math.min(5, count);
            Optional<String> publisher = viaOidc ? Optional.empty()
                    : Optional.of(maintainers.get(v % maintainers.size()));
            boolean offRoster = latest && i % 97 == 41;
            if (offRoster) {
                // Published by hand by someone who is not a maintainer: the roster and the anomaly checks see it.
                publisher = Optional.of(members.get((i * 7 + 3) % members.size()).login());
            }
            versions.add(new NpmPackage.Version(String.format(Locale.ROOT, "%d.%d.0", 1 + v / 10, v % 10), at, publisher,
                    viaOidc && !offRoster, offRoster, latest && i % 53 == 11));
        }
        return new NpmPackage(name, link, maintainers, versions);
    }

    private static PyPIProject pypiProject(WorldSpec spec, int j, Repository repo, List<Member> members, Random random) {
        String name = String.format(Locale.ROOT, "sim-py-%03d", j);
        String dist = name.replace('-', '_');
        Member maintainer = members.get(1 + (j * 13) % (members.size() - 1));
        List<PyPIProject.Role> roles = List.of(new PyPIProject.Role("Owner", members.get(0).login()),
                new PyPIProject.Role("Maintainer", maintainer.login()));
        boolean attestedProject = j % 5 < 3;
        int count = spec.releasesPerProject();
        Instant first = spec.now().minus(DAY.multipliedBy(700 + random.nextInt(300)));
        Instant last = spec.now().minus(DAY.multipliedBy(3 + random.nextInt(60)));
        List<PyPIProject.Release> releases = new ArrayList<>();
        for (int v = 0; v < count; v++) {
            Instant at = count == 1 ? last : first.plus(Duration.between(first, last).multipliedBy(v).dividedBy(count - 1));
            String version = String.format(Locale.ROOT, "0.%d.0", v + 1);
            boolean attested = attestedProject && v >= count - Math.min(4, count);
            boolean latest = v == count - 1;
            List<PyPIProject.File> files = List.of(
                    new PyPIProject.File(dist + "-" + version + ".tar.gz", "sdist", "source", attested, false),
                    new PyPIProject.File(dist + "-" + version + "-py3-none-any.whl", "bdist_wheel", "py3", attested,
                            latest && j % 41 == 5),
                    new PyPIProject.File(dist + "-" + version + "-cp312-cp312-manylinux_2_17_x86_64.whl", "bdist_wheel", "cp312",
                            attested, false));
            releases.add(new PyPIProject.Release(version, at, files));
        }
        Optional<String> source = j % 50 == 23 ? Optional.empty() : Optional.of("https://github.com/" + repo.fullName());
        return new PyPIProject(name, source, roles, maintainer.name() + " <" + maintainer.email() + ">", releases);
    }

    static int repoIndex(Repository repo) {
        return Integer.parseInt(repo.name().substring("repo-".length()));
    }

    private static final String CI = """
            name: CI
            on:
              push:
                branches: [main]
              pull_request:
            permissions:
              contents: read
            jobs:
              test:
                runs-on: ubuntu-latest
                steps:
                  - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                    with:
                      persist-credentials: false
                  - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.1.0
                    with:
                      node-version: 22
                  - run: npm ci --ignore-scripts
                  - run: npm test
            """;

    private static final String TRIAGE = """
            name: Triage
            on:
              issue_comment:
                types: [created]
            jobs:
              label:
                runs-on: ubuntu-latest
                steps:
                  - name: Record the command
                    run: |
                      echo "Command from @${{ github.event.comment.user.login }}: ${{ github.event.comment.body }}"
                      gh issue edit ${{ github.event.issue.number }} --add-label triaged
                    env:
                      GH_TOKEN: ${{ github.token }}
            """;

    private static String release(Publishing publishing, boolean npm, boolean pypi, String repo) {
        StringBuilder y = new StringBuilder("""
                name: Release
                on:
                  release:
                    types: [published]
                permissions: {}
                jobs:
                """);
        String environment = publishing == Publishing.OIDC_ENVIRONMENT ? "    environment: release\n" : "";
        if (npm) {
            y.append("  publish-npm:\n    runs-on: ubuntu-latest\n").append(environment).append("""
                        permissions:
                          contents: read
                    """);
            if (publishing != Publishing.TOKEN) {
                y.append("      id-token: write\n");
            }
            y.append("""
                        steps:
                          - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                            with:
                              persist-credentials: false
                          - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.1.0
                            with:
                              node-version: 22
                              registry-url: https://registry.npmjs.org
                          - run: npm ci --ignore-scripts
                    """);
            if (publishing == Publishing.TOKEN) {
                y.append("""
                              - run: npm publish --access public
                                env:
                                  NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}
                        """);
            } else {
                y.append("      - run: npm publish --provenance --access public\n");
            }
        }
        if (pypi) {
            y.append("  publish-pypi:\n    runs-on: ubuntu-latest\n").append(environment).append("    permissions:\n");
            y.append(publishing == Publishing.TOKEN ? "      contents: read\n" : "      id-token: write\n");
            y.append("""
                        steps:
                          - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2
                            with:
                              persist-credentials: false
                          - run: pipx run build
                    """);
            if (publishing == Publishing.TOKEN) {
                y.append("""
                              - uses: pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc # v1.12.4
                                with:
                                  password: ${{ secrets.PYPI_API_TOKEN }}
                        """);
            } else {
                y.append("      - uses: pypa/gh-action-pypi-publish@76f52bc884231f62b9a034ebfe128415bbaabdfc # v1.12.4\n");
            }
        }
        return y.toString();
    }
}
