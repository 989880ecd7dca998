package dev.hardening.auditor.sim.api;

import dev.hardening.auditor.sim.server.Handler;
import dev.hardening.auditor.sim.server.Host;
import dev.hardening.auditor.sim.server.SimRequest;
import dev.hardening.auditor.sim.server.SimResponse;
import dev.hardening.auditor.sim.world.Artifacts;
import dev.hardening.auditor.sim.world.World;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** The handler of every simulated host. Answers are built once per resource and kept (the world does not change). */
public final class Services {
    private Services() {
    }

    /** @param baseUrls each host's base URL (with its API path), for the URLs the answers contain */
    public static Map<Host, Handler> handlers(World world, Function<Host, String> baseUrls) {
        Artifacts artifacts = new Artifacts();
        Map<Host, Handler> h = new EnumMap<>(Host.class);
        h.put(Host.GITHUB, kept(new GitHubApi(world, baseUrls.apply(Host.GITHUB))));
        h.put(Host.NPM, kept(new NpmApi(world, baseUrls.apply(Host.NPM), artifacts)));
        h.put(Host.PYPI, kept(new PyPIApi(world, baseUrls.apply(Host.FILES), artifacts)));
        h.put(Host.FILES, kept(new FilesApi(world, artifacts)));
        h.put(Host.RDAP, kept(new RdapApi(world)));
        h.put(Host.HIBP, new HibpApi(world));
        h.put(Host.PWNED_PASSWORDS, new PwnedPasswordsApi());
        // Another host answers a redirected request as convincingly as it can: with what the real service would say.
        List<Handler> services = List.copyOf(h.values());
        h.put(Host.ELSEWHERE, request -> {
            for (Handler s : services) {
                SimResponse r = s.handle(new SimRequest(request.host(), request.method(), request.target(), request.headers()));
                if (r.status() < 400) {
                    return r;
                }
            }
            return notFound().handle(request);
        });
        return h;
    }

    public static Handler notFound() {
        return request -> SimResponse.json(404, "{\"message\":\"Not Found\"}");
    }

    /**
     * Keeps each answer by resource (path, query, credential headers), so a second request costs the
     * server nothing: on a machine shared with the auditor, the server's own work would show as the
     * auditor's.
     */
    private static Handler kept(Handler h) {
        Map<String, SimResponse> answers = new ConcurrentHashMap<>();
        return request -> {
            String key = request.target() + "\n" + request.header("authorization");
            SimResponse cached = answers.get(key);
            if (cached != null) {
                return cached;
            }
            SimResponse fresh = h.handle(request);
            answers.putIfAbsent(key, fresh);
            return fresh;
        };
    }
}
