package dev.hardening.auditor.core.model;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Who and what an audit looks at. Lists are never null; an empty audit has no targets at all.
 *
 * @param githubUsers  GitHub logins to audit (the token's own account is audited when it matches)
 * @param githubOrgs   GitHub organisations to audit
 * @param npmUsers     npm users whose packages are audited
 * @param npmPackages  npm packages to audit
 * @param pypiUsers    PyPI users whose projects are audited
 * @param pypiProjects PyPI projects to audit
 * @param emails       additional addresses to check (domain expiry, breaches)
 * @param workstation  whether to inspect this machine
 */
public record AuditTargets(
        List<String> githubUsers,
        List<String> githubOrgs,
        List<String> npmUsers,
        List<String> npmPackages,
        List<String> pypiUsers,
        List<String> pypiProjects,
        List<String> emails,
        boolean workstation) {

    public AuditTargets {
        githubUsers = List.copyOf(githubUsers);
        githubOrgs = List.copyOf(githubOrgs);
        npmUsers = List.copyOf(npmUsers);
        npmPackages = List.copyOf(npmPackages);
        pypiUsers = List.copyOf(pypiUsers);
        pypiProjects = List.copyOf(pypiProjects);
        emails = List.copyOf(emails);
    }

    public static AuditTargets none() {
        return new AuditTargets(List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), false);
    }

    /** Platforms these targets name directly (credentials may add more, see the engine). */
    public Set<Platform> platforms() {
        Set<Platform> result = EnumSet.noneOf(Platform.class);
        if (!githubUsers.isEmpty() || !githubOrgs.isEmpty()) {
            result.add(Platform.GITHUB);
        }
        if (!npmUsers.isEmpty() || !npmPackages.isEmpty()) {
            result.add(Platform.NPM);
        }
        if (!pypiUsers.isEmpty() || !pypiProjects.isEmpty()) {
            result.add(Platform.PYPI);
        }
        if (workstation) {
            result.add(Platform.WORKSTATION);
        }
        // Addresses come from every platform and from the user, so email checks always may apply.
        result.add(Platform.EMAIL);
        result.add(Platform.RDAP);
        result.add(Platform.HIBP);
        result.add(Platform.POLICY);
        return result;
    }

    public boolean isEmpty() {
        return githubUsers.isEmpty() && githubOrgs.isEmpty() && npmUsers.isEmpty() && npmPackages.isEmpty()
                && pypiUsers.isEmpty() && pypiProjects.isEmpty() && emails.isEmpty() && !workstation;
    }

    /** Short human-readable list, e.g. for a report header. */
    public List<String> describe() {
        var out = new java.util.ArrayList<String>();
        githubUsers.forEach(u -> out.add("github-user:" + u));
        githubOrgs.forEach(o -> out.add("github-org:" + o));
        npmUsers.forEach(u -> out.add("npm-user:" + u));
        npmPackages.forEach(p -> out.add("npm-package:" + p));
        pypiUsers.forEach(u -> out.add("pypi-user:" + u));
        pypiProjects.forEach(p -> out.add("pypi-project:" + p));
        emails.forEach(e -> out.add("email:" + e));
        if (workstation) {
            out.add("workstation");
        }
        return out;
    }
}
