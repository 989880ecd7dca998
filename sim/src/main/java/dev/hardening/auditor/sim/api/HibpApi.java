package dev.hardening.auditor.sim.api;

import dev.hardening.auditor.sim.server.Handler;
import dev.hardening.auditor.sim.server.SimRequest;
import dev.hardening.auditor.sim.server.SimResponse;
import dev.hardening.auditor.sim.world.World;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Have I Been Pwned of a world: {@code /api/v3/breachedaccount/{address}} answers the recorded
 * breaches for the world's breached addresses and 404 for the others; it wants the key and a user agent.
 */
final class HibpApi implements Handler {
    private final World world;
    private final String breaches;

    HibpApi(World world) {
        this.world = world;
        this.breaches = resource("/sim/breachedaccount_full.json");
    }

    @Override
    public SimResponse handle(SimRequest r) {
        if (!World.HIBP_KEY.equals(r.header("hibp-api-key"))) {
            return SimResponse.json(401, "{\"statusCode\":401,\"message\":\"Access denied due to missing hibp-api-key.\"}");
        }
        if (r.header("user-agent") == null) {
            return SimResponse.json(403, "{\"statusCode\":403,\"message\":\"A user agent is required\"}");
        }
        List<String> s = r.segments();
        if (s.size() == 4 && s.get(2).equals("breachedaccount")) {
            String address = s.get(3).toLowerCase(Locale.ROOT);
            if (world.breached().contains(address)) {
                return Json.ok(breaches, false, Map.of("Cache-Control", "no-cache"));
            }
        }
        return new SimResponse(404, Map.of("Content-Type", "application/json"), new byte[0]);
    }

    static String resource(String path) {
        try (InputStream in = HibpApi.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
