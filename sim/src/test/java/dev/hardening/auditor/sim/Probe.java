package dev.hardening.auditor.sim;

import dev.hardening.auditor.sim.server.Host;
import dev.hardening.auditor.sim.server.SimServer;
import dev.hardening.auditor.sim.world.World;
import dev.hardening.auditor.sim.world.WorldGenerator;
import dev.hardening.auditor.sim.world.WorldSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Prints a few answers of a small world (a manual probe while developing). */
public final class Probe {
    public static void main(String[] args) throws Exception {
        World w = WorldGenerator.generate(WorldSpec.small());
        try (SimServer s = SimServer.start(w)) {
            HttpClient c = HttpClient.newHttpClient();
            for (String a : args) {
                String[] hp = a.split(":", 2);
                Host h = Host.valueOf(hp[0]);
                HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(s.baseUrl(h) + hp[1]));
                if (h == Host.GITHUB) {
                    b.header("Authorization", "Bearer " + World.GITHUB_TOKEN);
                }
                if (h == Host.NPM) {
                    b.header("Authorization", "Bearer " + World.NPM_TOKEN);
                }
                if (h == Host.HIBP) {
                    b.header("hibp-api-key", World.HIBP_KEY);
                }
                HttpResponse<String> r = c.send(b.build(), HttpResponse.BodyHandlers.ofString());
                System.out.println("== " + a + " -> " + r.statusCode() + " " + r.headers().map());
                String body = r.body();
                System.out.println(body.length() > 1500 ? body.substring(0, 1500) + "..." : body);
            }
        }
    }
}
