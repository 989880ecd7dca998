package dev.hardening.auditor.desktop.setup;

import java.util.Objects;

/**
 * What the Setup screen's target fields hold, as typed; remembered between sessions (never a
 * credential).
 */
public record SetupFields(String githubUsers, String githubOrgs, String npmUsers, String npmPackages, String pypiUsers,
                          String pypiProjects, String emails, boolean workstation, String policyFile) {
    public SetupFields {
        githubUsers = Objects.requireNonNullElse(githubUsers, "");
        githubOrgs = Objects.requireNonNullElse(githubOrgs, "");
        npmUsers = Objects.requireNonNullElse(npmUsers, "");
        npmPackages = Objects.requireNonNullElse(npmPackages, "");
        pypiUsers = Objects.requireNonNullElse(pypiUsers, "");
        pypiProjects = Objects.requireNonNullElse(pypiProjects, "");
        emails = Objects.requireNonNullElse(emails, "");
        policyFile = Objects.requireNonNullElse(policyFile, "");
    }

    public static SetupFields empty() {
        return new SetupFields("", "", "", "", "", "", "", false, "");
    }
}
