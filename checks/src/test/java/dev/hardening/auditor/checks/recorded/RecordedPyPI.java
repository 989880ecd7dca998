package dev.hardening.auditor.checks.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.facts.pypi.PyPIFile;
import dev.hardening.auditor.core.facts.pypi.PyPIFileProvenance;
import dev.hardening.auditor.core.facts.pypi.PyPIOwnership;
import dev.hardening.auditor.core.facts.pypi.PyPIProject;
import dev.hardening.auditor.core.facts.pypi.PyPIPublisher;
import dev.hardening.auditor.core.facts.pypi.PyPIRelease;
import dev.hardening.auditor.core.facts.pypi.PyPIRole;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Recorded PyPI responses turned into fact records, with the JSON and Integrity APIs' field semantics. */
public final class RecordedPyPI {
    private RecordedPyPI() {
    }

    /**
     * {@code GET /pypi/{project}/json} (with {@code releases}) or {@code GET /pypi/{project}/{version}/json}
     * (only {@code urls}, the files of that version).
     */
    public static PyPIProject project(JsonNode n) {
        JsonNode info = n.path("info");
        String version = info.path("version").asText();
        List<PyPIRelease> releases = new ArrayList<>();
        if (n.path("releases").isObject()) {
            n.path("releases").properties().forEach(e -> releases.add(new PyPIRelease(e.getKey(), files(e.getValue()))));
        } else {
            releases.add(new PyPIRelease(version, files(n.path("urls"))));
        }
        Map<String, String> urls = new LinkedHashMap<>();
        info.path("project_urls").properties().forEach(e -> urls.put(e.getKey(), e.getValue().asText()));
        return new PyPIProject(info.path("name").asText(), version, Json.text(info, "author_email"),
                Json.text(info, "maintainer_email"), urls, ownership(n.get("ownership")), releases);
    }

    private static Optional<PyPIOwnership> ownership(JsonNode o) {
        if (o == null || !o.isObject()) {
            return Optional.empty();
        }
        List<PyPIRole> roles = new ArrayList<>();
        o.path("roles").forEach(r -> roles.add(new PyPIRole(r.path("role").asText(), r.path("user").asText())));
        return Optional.of(new PyPIOwnership(roles, Json.text(o, "organization")));
    }

    private static List<PyPIFile> files(JsonNode array) {
        List<PyPIFile> files = new ArrayList<>();
        for (JsonNode f : array) {
            var uploaded = Json.instant(f, "upload_time_iso_8601").or(() -> Json.instant(f, "upload_time"));
            files.add(new PyPIFile(f.path("filename").asText(), f.path("packagetype").asText(),
                    f.path("digests").path("sha256").asText(""), f.path("size").asLong(), uploaded,
                    f.path("yanked").asBoolean(false), f.path("url").asText("")));
        }
        return files;
    }

    /** Integrity API {@code GET /integrity/{project}/{version}/{filename}/provenance}, status 200. */
    public static PyPIFileProvenance provenance(String project, String version, String filename, JsonNode n) {
        List<PyPIPublisher> publishers = new ArrayList<>();
        for (JsonNode bundle : n.path("attestation_bundles")) {
            JsonNode p = bundle.path("publisher");
            publishers.add(new PyPIPublisher(p.path("kind").asText(""), p.path("repository").asText(""),
                    p.path("workflow").asText(""), Json.text(p, "environment")));
        }
        return new PyPIFileProvenance(project, version, filename, true, publishers);
    }

    /** The same endpoint answering 404: the file has no provenance. */
    public static PyPIFileProvenance noProvenance(String project, String version, String filename) {
        return new PyPIFileProvenance(project, version, filename, false, List.of());
    }
}
