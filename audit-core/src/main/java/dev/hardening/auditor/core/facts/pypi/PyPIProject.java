package dev.hardening.auditor.core.facts.pypi;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A project as {@code GET /pypi/{project}/json} shows it.
 *
 * @param version          the latest version ({@code info.version})
 * @param authorEmail      {@code info.author_email} as published (may hold several addresses)
 * @param maintainerEmail  {@code info.maintainer_email} as published
 * @param projectUrls      {@code info.project_urls}
 * @param ownership        {@code ownership}, absent on older PyPI deployments and mirrors
 * @param releases         every release with its files
 */
public record PyPIProject(String name, String version, Optional<String> authorEmail, Optional<String> maintainerEmail,
                          Map<String, String> projectUrls, Optional<PyPIOwnership> ownership,
                          List<PyPIRelease> releases) {
    public PyPIProject {
        projectUrls = Map.copyOf(projectUrls);
        releases = List.copyOf(releases);
    }

    public Optional<PyPIRelease> release(String v) {
        return releases.stream().filter(r -> r.version().equals(v)).findFirst();
    }
}
