package dev.hardening.auditor.sim.api;

import dev.hardening.auditor.core.demo.DemoBodies;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The demo world's recorded-shape bodies as templates: dates rendered relative to the world's
 * present, and the demo's names replaced by the simulated world's (longest first, so that
 * {@code inkwell-tools/inkwell-parser} is replaced before {@code inkwell-tools}).
 */
final class Templates {
    private final Instant now;

    Templates(Instant now) {
        this.now = now;
    }

    String load(String path, Map<String, String> replacements) {
        String text = DemoBodies.render(DemoBodies.read(path), now);
        Map<String, String> ordered = new LinkedHashMap<>();
        replacements.entrySet().stream().sorted(Comparator.comparing((Map.Entry<String, String> e) -> -e.getKey().length()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        for (Map.Entry<String, String> e : ordered.entrySet()) {
            text = text.replace(e.getKey(), e.getValue());
        }
        return text;
    }
}
