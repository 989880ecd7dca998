package dev.hardening.auditor.core.testing;

import dev.hardening.auditor.core.model.AuditTargets;
import java.util.ArrayList;
import java.util.List;

/** Readable audit targets for tests: {@code TargetsBuilder.targets().githubUser("octocat").build()}. */
public final class TargetsBuilder {
    private final List<String> githubUsers = new ArrayList<>();
    private final List<String> githubOrgs = new ArrayList<>();
    private final List<String> npmUsers = new ArrayList<>();
    private final List<String> npmPackages = new ArrayList<>();
    private final List<String> pypiUsers = new ArrayList<>();
    private final List<String> pypiProjects = new ArrayList<>();
    private final List<String> emails = new ArrayList<>();
    private boolean workstation;

    private TargetsBuilder() {
    }

    public static TargetsBuilder targets() {
        return new TargetsBuilder();
    }

    public TargetsBuilder githubUser(String... logins) {
        githubUsers.addAll(List.of(logins));
        return this;
    }

    public TargetsBuilder githubOrg(String... orgs) {
        githubOrgs.addAll(List.of(orgs));
        return this;
    }

    public TargetsBuilder npmUser(String... users) {
        npmUsers.addAll(List.of(users));
        return this;
    }

    public TargetsBuilder npmPackage(String... packages) {
        npmPackages.addAll(List.of(packages));
        return this;
    }

    public TargetsBuilder pypiUser(String... users) {
        pypiUsers.addAll(List.of(users));
        return this;
    }

    public TargetsBuilder pypiProject(String... projects) {
        pypiProjects.addAll(List.of(projects));
        return this;
    }

    public TargetsBuilder email(String... addresses) {
        emails.addAll(List.of(addresses));
        return this;
    }

    public TargetsBuilder workstation() {
        workstation = true;
        return this;
    }

    public AuditTargets build() {
        return new AuditTargets(githubUsers, githubOrgs, npmUsers, npmPackages, pypiUsers, pypiProjects, emails, workstation);
    }
}
