package dev.hardening.auditor.core.facts.npm;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A package's full metadata document ({@code GET /{name}}).
 *
 * @param maintainers   who can publish
 * @param distTags      e.g. {@code latest -> 1.2.3}
 * @param versions      every version, oldest first by publish time
 * @param repositoryUrl {@code repository.url} as published (not normalised)
 * @param created       {@code time.created}
 * @param modified      {@code time.modified}
 */
public record NpmPackument(String name, List<NpmPerson> maintainers, Map<String, String> distTags,
                           List<NpmVersion> versions, Optional<String> repositoryUrl, Optional<Instant> created,
                           Optional<Instant> modified) {
    public NpmPackument {
        maintainers = List.copyOf(maintainers);
        distTags = Map.copyOf(distTags);
        versions = List.copyOf(versions);
    }

    public Optional<NpmVersion> version(String v) {
        return versions.stream().filter(x -> x.version().equals(v)).findFirst();
    }

    /** The version the {@code latest} tag points to, if any. */
    public Optional<NpmVersion> latest() {
        return Optional.ofNullable(distTags.get("latest")).flatMap(this::version);
    }
}
