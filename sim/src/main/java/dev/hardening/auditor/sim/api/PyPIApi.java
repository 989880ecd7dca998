package dev.hardening.auditor.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.sim.server.Handler;
import dev.hardening.auditor.sim.server.SimRequest;
import dev.hardening.auditor.sim.server.SimResponse;
import dev.hardening.auditor.sim.world.Artifacts;
import dev.hardening.auditor.sim.world.PyPIProject;
import dev.hardening.auditor.sim.world.World;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * PyPI's JSON API ({@code /pypi/{project}/json}, with {@code ownership}) and Integrity API
 * ({@code /integrity/{project}/{version}/{file}/provenance}) of a world; files are on {@link FilesApi}'s host.
 */
final class PyPIApi implements Handler {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

    private final World world;
    private final String filesBase;
    private final Artifacts artifacts;
    private final Templates templates;

    PyPIApi(World world, String filesBase, Artifacts artifacts) {
        this.world = world;
        this.filesBase = filesBase;
        this.artifacts = artifacts;
        this.templates = new Templates(world.spec().now());
    }

    @Override
    public SimResponse handle(SimRequest r) {
        List<String> s = r.segments();
        if (s.size() == 3 && s.get(0).equals("pypi") && s.get(2).equals("json")) {
            return world.pypiProject(s.get(1)).map(this::project).orElseGet(PyPIApi::notFound);
        }
        if (s.size() == 5 && s.get(0).equals("integrity") && s.get(4).equals("provenance")) {
            return provenance(s.get(1), s.get(2), s.get(3));
        }
        return notFound();
    }

    private SimResponse project(PyPIProject p) {
        ObjectNode doc = (ObjectNode) Json.parse(templates.load("pypi.org/pypi/inkwell.json", Map.of()));
        ObjectNode info = (ObjectNode) doc.get("info");
        PyPIProject.Release latest = p.latest();
        info.put("name", p.name()).put("version", latest.version()).put("summary", "Simulated project " + p.name())
                .put("description", "# " + p.name() + "\n\nA simulated project of the benchmark world.\n")
                .put("author_email", p.authorEmail()).put("maintainer_email", "")
                .put("package_url", "https://pypi.org/project/" + p.name() + "/")
                .put("project_url", "https://pypi.org/project/" + p.name() + "/")
                .put("release_url", "https://pypi.org/project/" + p.name() + "/" + latest.version() + "/");
        ObjectNode urls = info.putObject("project_urls");
        p.sourceUrl().ifPresent(u -> {
            urls.put("Source", u);
            urls.put("Issues", u + "/issues");
        });
        urls.put("Documentation", "https://" + p.name() + ".readthedocs.io/");
        ObjectNode releases = doc.putObject("releases");
        for (PyPIProject.Release release : p.releases()) {
            releases.set(release.version(), files(p, release));
        }
        doc.set("urls", files(p, latest));
        doc.put("last_serial", 20_000_000 + p.releases().size());
        ObjectNode ownership = doc.putObject("ownership");
        ArrayNode roles = ownership.putArray("roles");
        p.roles().forEach(role -> roles.addObject().put("role", role.role()).put("user", role.user()));
        ownership.putNull("organization");
        return Json.ok(doc, false, Map.of("Cache-Control", "max-age=900, public", "X-PyPI-Last-Serial",
                Integer.toString(20_000_000 + p.releases().size())));
    }

    private ArrayNode files(PyPIProject p, PyPIProject.Release release) {
        ArrayNode out = Json.array();
        int i = 0;
        for (PyPIProject.File f : release.files()) {
            byte[] bytes = artifacts.pypiFile(p, release, f);
            String sha256 = Artifacts.sha256(bytes);
            ObjectNode o = out.addObject();
            o.put("comment_text", "");
            o.putObject("core-metadata").put("sha256", Artifacts.sha256(f.filename().getBytes()));
            String pathHash = Artifacts.sha256((f.filename() + "#path").getBytes());
            o.putObject("digests").put("blake2b_256", pathHash).put("md5", Artifacts.md5(bytes)).put("sha256", sha256);
            o.put("downloads", -1).put("filename", f.filename()).put("has_sig", false).put("md5_digest", Artifacts.md5(bytes))
                    .put("packagetype", f.packageType()).put("python_version", f.pythonVersion()).put("requires_python", ">=3.9")
                    .put("size", bytes.length)
                    .put("upload_time", LOCAL.format(release.uploaded().plusSeconds(i)))
                    .put("upload_time_iso_8601", release.uploaded().plusSeconds(i) + "")
                    .put("url", FilesApi.url(filesBase, pathHash, f.filename()))
                    .put("yanked", false).putNull("yanked_reason");
            i++;
        }
        return out;
    }

    private SimResponse provenance(String project, String version, String filename) {
        Optional<PyPIProject> p = world.pypiProject(project);
        Optional<PyPIProject.File> file = p.flatMap(pp -> pp.releases().stream().filter(r -> r.version().equals(version))
                .flatMap(r -> r.files().stream()).filter(f -> f.filename().equals(filename)).findFirst());
        if (file.isEmpty()) {
            return notFound();
        }
        if (!file.get().attested()) {
            return SimResponse.json(404, "{\"message\": \"No provenance available for " + filename + "\"}");
        }
        String repo = p.get().sourceUrl().map(u -> u.substring(u.indexOf("github.com/") + "github.com/".length()))
                .orElse(world.org() + "/unknown");
        String text = templates.load("pypi.org/integrity/inkwell/1.2.1/inkwell-1.2.1-py3-none-any.whl.json",
                Map.of("inkwell-tools/inkwell-py", repo, "inkwell-1.2.1-py3-none-any.whl", filename));
        return Json.ok(text, false, Map.of("Content-Type", "application/vnd.pypi.integrity.v1+json",
                "Cache-Control", "max-age=900, public"));
    }

    private static SimResponse notFound() {
        return SimResponse.json(404, "{\"message\": \"Not Found\"}");
    }
}
