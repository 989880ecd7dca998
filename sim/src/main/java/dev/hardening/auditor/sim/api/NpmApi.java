package dev.hardening.auditor.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.sim.server.Handler;
import dev.hardening.auditor.sim.server.SimRequest;
import dev.hardening.auditor.sim.server.SimResponse;
import dev.hardening.auditor.sim.world.Artifacts;
import dev.hardening.auditor.sim.world.Member;
import dev.hardening.auditor.sim.world.NpmPackage;
import dev.hardening.auditor.sim.world.World;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The npm registry of a world: full packuments (in the shape of the recorded ones: every version
 * with its dist, {@code _npmUser}, maintainers; {@code time}, {@code dist-tags}, a readme), the
 * tarballs they point to, the maintainer search, and the owner's profile and tokens.
 */
final class NpmApi implements Handler {
    private static final String DEMO = "registry.npmjs.org/";

    private final World world;
    private final String base;
    private final Artifacts artifacts;
    private final Templates templates;

    NpmApi(World world, String base, Artifacts artifacts) {
        this.world = world;
        this.base = base;
        this.artifacts = artifacts;
        this.templates = new Templates(world.spec().now());
    }

    @Override
    public SimResponse handle(SimRequest r) {
        String auth = r.header("authorization");
        if (auth != null && !auth.equals("Bearer " + World.NPM_TOKEN)) {
            return SimResponse.json(401, "{\"error\":\"invalid token\"}");
        }
        List<String> s = r.segments();
        if (s.isEmpty()) {
            return notFound();
        }
        if (s.get(0).equals("-")) {
            String path = String.join("/", s);
            if (path.equals("-/npm/v1/user") || path.equals("-/npm/v1/tokens")) {
                if (auth == null) {
                    return SimResponse.json(401, "{\"error\":\"You must be logged in to do that\"}");
                }
                Map<String, String> names = Map.of("quill-dev", world.owner().login(), "robin@quillmere.dev", world.owner().email(),
                        "Robin Quill", world.owner().name());
                String file = path.endsWith("user") ? "profile.json" : "tokens.json";
                return Json.ok(templates.load(DEMO + file, names), true, Map.of("Cache-Control", "no-cache, no-store"));
            }
            if (path.equals("-/v1/search")) {
                return search(r);
            }
            return notFound();
        }
        // "@scope%2Fname" arrives as one segment; "@scope/name/-/file.tgz" as several.
        if (s.size() == 1 || s.size() == 2 && s.get(0).startsWith("@") && !s.get(1).equals("-")) {
            String name = s.size() == 1 ? s.get(0) : s.get(0) + "/" + s.get(1);
            return world.npmPackage(name).map(this::packument).orElseGet(this::notFound);
        }
        int dash = s.indexOf("-");
        if (dash > 0 && dash == s.size() - 2) {
            String name = String.join("/", s.subList(0, dash));
            String file = s.get(dash + 1);
            Optional<NpmPackage> p = world.npmPackage(name);
            if (p.isPresent()) {
                for (NpmPackage.Version v : p.get().versions()) {
                    if (p.get().tarballName(v.version()).equals(file)) {
                        byte[] bytes = artifacts.npmTarball(p.get(), v);
                        return new SimResponse(200, Map.of("Content-Type", "application/octet-stream",
                                "Cache-Control", "public, immutable, max-age=31557600", "ETag", "\"" + Artifacts.md5(bytes) + "\""), bytes);
                    }
                }
            }
        }
        return notFound();
    }

    private SimResponse packument(NpmPackage p) {
        ObjectNode doc = Json.object();
        NpmPackage.Version latest = p.versions().get(p.versions().size() - 1);
        doc.put("_id", p.name()).put("_rev", p.versions().size() + "-" + Json.hash(p.name().getBytes()).substring(0, 32));
        doc.put("name", p.name());
        doc.putObject("dist-tags").put("latest", latest.version());
        ObjectNode versions = doc.putObject("versions");
        ObjectNode time = Json.object();
        time.put("created", p.versions().get(0).published().toString());
        for (NpmPackage.Version v : p.versions()) {
            versions.set(v.version(), version(p, v));
            time.put(v.version(), v.published().toString());
        }
        time.put("modified", latest.published().plusSeconds(3).toString());
        doc.set("time", time);
        doc.set("maintainers", people(p.maintainers()));
        doc.put("description", "Simulated package " + p.name());
        p.repositoryLink().ifPresent(link -> {
            doc.put("homepage", "https://github.com/" + repoOf(link) + "#readme");
            doc.putObject("repository").put("type", "git").put("url", link);
            doc.putObject("bugs").put("url", "https://github.com/" + repoOf(link) + "/issues");
        });
        doc.putArray("keywords").add("simulated").add("benchmark");
        Member author = world.owner();
        doc.putObject("author").put("name", author.name()).put("email", author.email());
        doc.put("license", "MIT");
        doc.put("readme", "# " + p.name() + "\n\nA simulated package of the benchmark world. " + "It parses, formats and"
                + " checks things, quickly and carefully.\n\n## Install\n\n    npm install " + p.name() + "\n");
        doc.put("readmeFilename", "README.md");
        return Json.ok(doc, true, Map.of("Cache-Control", "public, max-age=300", "Vary", "Accept-Encoding, accept",
                "Last-Modified", java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                        latest.published().atOffset(java.time.ZoneOffset.UTC))));
    }

    private ObjectNode version(NpmPackage p, NpmPackage.Version v) {
        byte[] tarball = artifacts.npmTarball(p, v);
        ObjectNode o = Json.object();
        o.put("name", p.name()).put("version", v.version()).put("description", "Simulated package " + p.name())
                .put("main", "index.js");
        ObjectNode scripts = o.putObject("scripts");
        scripts.put("test", "node --test");
        if (v.postinstall()) {
            scripts.put("postinstall", "node setup.js");
        }
        p.repositoryLink().ifPresent(link -> o.putObject("repository").put("type", "git").put("url", link));
        o.put("license", "MIT");
        o.putObject("devDependencies").put("eslint", "^9.0.0");
        o.put("gitHead", Json.hash((p.name() + v.version()).getBytes()) + "01234567");
        o.put("_id", p.name() + "@" + v.version()).put("_nodeVersion", "22.11.0").put("_npmVersion", "10.9.0");
        ObjectNode dist = o.putObject("dist");
        dist.put("integrity", Artifacts.integrity(tarball)).put("shasum", Artifacts.shasum(tarball))
                .put("tarball", base + (p.name().startsWith("@") ? p.name() : p.name()) + "/-/" + p.tarballName(v.version()))
                .put("fileCount", v.leaksSecret() ? 4 : 3).put("unpackedSize", tarball.length * 3);
        if (v.provenance()) {
            ObjectNode att = dist.putObject("attestations");
            att.put("url", base + "-/npm/v1/attestations/" + p.name() + "@" + v.version());
            att.putObject("provenance").put("predicateType", "https://slsa.dev/provenance/v1");
        }
        dist.putArray("signatures").addObject().put("keyid", "SHA256:DhQ8wR5APBvFHLF/+Tc+AYvPOdTpcIDqOhxsBHRwC7U")
                .put("sig", "MEUCIQ" + Json.hash(tarball) + "AiEA" + Json.hash(p.name().getBytes()));
        ObjectNode user = o.putObject("_npmUser");
        if (v.trusted()) {
            user.put("name", "GitHub Actions").put("email", "npm-oidc-no-reply@github.com");
            user.putObject("trustedPublisher").put("id", "github").put("oidcConfigId", "oidc:" + Json.hash(p.name().getBytes()));
        } else {
            Member who = world.person(v.publisher().get()).orElse(world.owner());
            user.put("name", who.login()).put("email", who.email());
        }
        o.putObject("directories");
        o.set("maintainers", people(p.maintainers()));
        o.putObject("_npmOperationalInternal").put("host", "s3://npm-registry-packages-npm-production")
                .put("tmp", "tmp/" + p.tarballName(v.version()).replace(".tgz", "") + "_" + v.published().toEpochMilli() + "_0.5");
        o.put("_hasShrinkwrap", false);
        return o;
    }

    private ArrayNode people(List<String> logins) {
        ArrayNode a = Json.array();
        for (String login : logins) {
            Member m = world.person(login).orElseThrow();
            a.addObject().put("name", m.login()).put("email", m.email());
        }
        return a;
    }

    /** {@code /-/v1/search?text=maintainer:LOGIN&size=N&from=K}: the packages LOGIN maintains. */
    private SimResponse search(SimRequest r) {
        Map<String, String> q = r.query();
        String text = q.getOrDefault("text", "");
        int size = Math.max(1, Math.min(250, parseInt(q.get("size"), 20)));
        int from = Math.max(0, parseInt(q.get("from"), 0));
        List<NpmPackage> found = new ArrayList<>();
        if (text.startsWith("maintainer:")) {
            String login = text.substring("maintainer:".length());
            for (NpmPackage p : world.npmPackages()) {
                if (p.maintainers().contains(login)) {
                    found.add(p);
                }
            }
        }
        ObjectNode doc = Json.object();
        ArrayNode objects = doc.putArray("objects");
        for (int i = from; i < Math.min(found.size(), from + size); i++) {
            NpmPackage p = found.get(i);
            NpmPackage.Version latest = p.versions().get(p.versions().size() - 1);
            ObjectNode o = objects.addObject();
            o.putObject("downloads").put("monthly", 1000 + i).put("weekly", 250 + i);
            o.put("dependents", i % 40);
            o.put("updated", latest.published().toString());
            o.put("searchScore", 100.0 - i * 0.01);
            ObjectNode pkg = o.putObject("package");
            pkg.put("name", p.name()).put("version", latest.version()).put("description", "Simulated package " + p.name())
                    .put("sanitized_name", p.name());
            pkg.putArray("keywords").add("simulated");
            ObjectNode publisher = pkg.putObject("publisher");
            Member owner = world.owner();
            publisher.put("email", owner.email()).put("username", owner.login());
            ArrayNode maintainers = pkg.putArray("maintainers");
            for (String login : p.maintainers()) {
                Member m = world.person(login).orElseThrow();
                maintainers.addObject().put("email", m.email()).put("username", m.login());
            }
            pkg.put("license", "MIT").put("date", latest.published().toString());
            ObjectNode links = pkg.putObject("links");
            links.put("npm", "https://www.npmjs.com/package/" + p.name());
            p.repositoryLink().ifPresent(l -> links.put("repository", l));
            o.putObject("score").put("final", 100.0 - i * 0.01).putObject("detail").put("popularity", 1).put("quality", 1)
                    .put("maintenance", 1);
            o.putObject("flags").put("insecure", 0);
        }
        doc.put("total", found.size());
        doc.put("time", Instant.now().toString());
        return Json.ok(doc, true, Map.of("Cache-Control", "max-age=60"));
    }

    private static String repoOf(String link) {
        String l = link.replaceFirst("^git\\+", "").replaceFirst("^github:", "https://github.com/")
                .replaceFirst("^ssh://git@github.com/", "https://github.com/").replaceFirst("\\.git$", "");
        int i = l.indexOf("github.com/");
        return i < 0 ? l : l.substring(i + "github.com/".length());
    }

    private static int parseInt(String v, int fallback) {
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private SimResponse notFound() {
        return SimResponse.json(404, "{\"error\":\"Not found\"}");
    }

}
