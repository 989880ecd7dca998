package dev.hardening.auditor.sim.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.sim.server.Handler;
import dev.hardening.auditor.sim.server.SimRequest;
import dev.hardening.auditor.sim.server.SimResponse;
import dev.hardening.auditor.sim.world.Domain;
import dev.hardening.auditor.sim.world.World;
import java.util.List;
import java.util.Map;

/** An RDAP server for every mail domain of a world ({@code /domain/{name}}), as set with {@code --rdap-url}. */
final class RdapApi implements Handler {
    private final World world;
    private final Templates templates;

    RdapApi(World world) {
        this.world = world;
        this.templates = new Templates(world.spec().now());
    }

    @Override
    public SimResponse handle(SimRequest r) {
        List<String> s = r.segments();
        Domain d = s.size() == 2 && s.get(0).equals("domain") ? world.domains().get(s.get(1).toLowerCase(java.util.Locale.ROOT)) : null;
        if (d == null || !d.registered()) {
            return new SimResponse(404, Map.of("Content-Type", "application/rdap+json"),
                    templates.load("rdap.demo.invalid/domain-not-found.json", Map.of()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        ObjectNode doc = (ObjectNode) Json.parse(templates.load("rdap.demo.invalid/domain/quillmere.dev.json",
                Map.of("quillmere.dev", d.name(), "QUILLMERE.DEV", d.name().toUpperCase(java.util.Locale.ROOT))));
        ArrayNode events = Json.array();
        events.addObject().put("eventAction", "registration").put("eventDate", world.spec().now().minusSeconds(86_400L * 2000).toString());
        d.expires().ifPresent(e -> events.addObject().put("eventAction", "expiration").put("eventDate", e.toString()));
        events.addObject().put("eventAction", "last update of RDAP database").put("eventDate", world.spec().now().toString());
        doc.set("events", events);
        return Json.ok(doc, false, Map.of("Content-Type", "application/rdap+json", "Cache-Control", "max-age=300"))
                .withHeader("Content-Type", "application/rdap+json");
    }
}
