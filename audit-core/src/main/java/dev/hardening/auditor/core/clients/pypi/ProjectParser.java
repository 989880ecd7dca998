package dev.hardening.auditor.core.clients.pypi;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.Timestamps;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIOwnership;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.facts.pypi.PyPIRole;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Turns a PyPI JSON API document into a {@link PyPIProject}. */
final class ProjectParser {
    private ProjectParser() {
    }

    static PyPIProject parse(String requestedName, JsonNode json) {
        JsonNode info = json.path("info");
        String version = JsonFields.textOrEmpty(info, "version");
        return new PyPIProject(
                JsonFields.text(info, "name").orElse(requestedName),
                version,
                // PyPI sends "" for fields the metadata did not set; text() reads blank as empty.
                JsonFields.text(info, "author_email"),
                JsonFields.text(info, "maintainer_email"),
                JsonFields.stringMap(info, "project_urls"),
                ownership(json.path("ownership")),
                releases(json, version));
    }

    /** {@code ownership} exists only on current PyPI (2026); older deployments and mirrors omit it. */
    static Optional<PyPIOwnership> ownership(JsonNode node) {
        if (!node.isObject()) {
            return Optional.empty();
        }
        List<PyPIRole> roles = new ArrayList<>();
        for (JsonNode r : JsonFields.elements(node.path("roles"))) {
            String user = JsonFields.textOrEmpty(r, "user");
            if (!user.isEmpty()) {
                roles.add(new PyPIRole(JsonFields.textOrEmpty(r, "role"), user));
            }
        }
        return Optional.of(new PyPIOwnership(roles, JsonFields.text(node, "organization")));
    }

    /**
     * The {@code releases} map, oldest first. The version-level document
     * ({@code /pypi/{p}/{v}/json}) has no such map, only {@code urls}: then the one release is
     * built from those.
     */
    static List<PyPIRelease> releases(JsonNode json, String infoVersion) {
        List<PyPIRelease> releases = new ArrayList<>();
        JsonNode map = json.path("releases");
        if (map.isObject()) {
            for (Map.Entry<String, JsonNode> e : JsonFields.fields(map).entrySet()) {
                releases.add(new PyPIRelease(e.getKey(), files(e.getValue())));
            }
        } else if (!infoVersion.isEmpty() && json.path("urls").isArray()) {
            releases.add(new PyPIRelease(infoVersion, files(json.path("urls"))));
        }
        // A release without files (all deleted) has no date; it sorts first, never as the newest.
        releases.sort(Comparator.comparing((PyPIRelease r) -> r.uploadedAt().orElse(Instant.MIN)));
        return releases;
    }

    static List<PyPIFile> files(JsonNode array) {
        List<PyPIFile> files = new ArrayList<>();
        for (JsonNode f : JsonFields.elements(array)) {
            Optional<String> filename = JsonFields.text(f, "filename");
            if (filename.isEmpty()) {
                continue;
            }
            Optional<Instant> uploaded = JsonFields.text(f, "upload_time_iso_8601")
                    .or(() -> JsonFields.text(f, "upload_time"))
                    .flatMap(Timestamps::parse);
            files.add(new PyPIFile(
                    filename.get(),
                    JsonFields.textOrEmpty(f, "packagetype"),
                    JsonFields.textOrEmpty(f.path("digests"), "sha256"),
                    JsonFields.number(f, "size").orElse(0L),
                    uploaded,
                    JsonFields.bool(f, "yanked").orElse(false),
                    JsonFields.textOrEmpty(f, "url")));
        }
        return files;
    }
}
