package dev.hardening.auditor.core.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * The demo world's response bodies, for other worlds built from the same real shapes (the simulated
 * world of the benchmarks and fault tests renames what they describe and renders their dates).
 */
public final class DemoBodies {
    private DemoBodies() {
    }

    /** The body file {@code path} under {@code demo/} (e.g. {@code api.github.com/user.json}), as stored. */
    public static String read(String path) {
        try (InputStream in = DemoBodies.class.getResourceAsStream("/demo/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no demo body " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Renders the date placeholders of a demo template ({@code {{days:-400}}} and the rest) relative to {@code now}. */
    public static String render(String template, Instant now) {
        return ResponseTemplate.compile(template, "template").render(now, List.of());
    }
}
