package dev.hardening.auditor.sim.api;

import dev.hardening.auditor.sim.server.Handler;
import dev.hardening.auditor.sim.server.SimRequest;
import dev.hardening.auditor.sim.server.SimResponse;
import dev.hardening.auditor.sim.world.Artifacts;
import dev.hardening.auditor.sim.world.PyPIProject;
import dev.hardening.auditor.sim.world.World;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** PyPI's file host of a world: sdists and wheels at {@code /packages/xx/yy/hash/filename}, byte ranges accepted. */
final class FilesApi implements Handler {
    private final World world;
    private final Artifacts artifacts;
    private final Map<String, Object[]> byFilename = new HashMap<>();

    FilesApi(World world, Artifacts artifacts) {
        this.world = world;
        this.artifacts = artifacts;
        for (PyPIProject p : world.pypiProjects()) {
            for (PyPIProject.Release r : p.releases()) {
                for (PyPIProject.File f : r.files()) {
                    byFilename.put(f.filename(), new Object[] {p, r, f});
                }
            }
        }
    }

    static String url(String base, String pathHash, String filename) {
        return base + "packages/" + pathHash.substring(0, 2) + "/" + pathHash.substring(2, 4) + "/" + pathHash.substring(4)
                + "/" + filename;
    }

    @Override
    public SimResponse handle(SimRequest r) {
        List<String> s = r.segments();
        Object[] found = s.size() == 5 && s.get(0).equals("packages") ? byFilename.get(s.get(4)) : null;
        if (found == null) {
            return new SimResponse(404, Map.of("Content-Type", "text/plain; charset=utf-8"), "Not Found\n".getBytes());
        }
        byte[] bytes = artifacts.pypiFile((PyPIProject) found[0], (PyPIProject.Release) found[1], (PyPIProject.File) found[2]);
        return new SimResponse(200, Map.of("Content-Type", "application/octet-stream", "Accept-Ranges", "bytes",
                "Cache-Control", "max-age=365000000, immutable, public", "ETag", "\"" + Artifacts.md5(bytes) + "\""), bytes);
    }
}
