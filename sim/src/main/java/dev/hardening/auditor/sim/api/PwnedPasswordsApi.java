package dev.hardening.auditor.sim.api;

import dev.hardening.auditor.sim.server.Handler;
import dev.hardening.auditor.sim.server.SimRequest;
import dev.hardening.auditor.sim.server.SimResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The Pwned Passwords range API: the recorded range for 5BAA6 ("password"), an empty range otherwise. */
final class PwnedPasswordsApi implements Handler {
    private final String range5baa6 = HibpApi.resource("/sim/pwnedpasswords_range_5BAA6.txt");

    @Override
    public SimResponse handle(SimRequest r) {
        List<String> s = r.segments();
        if (s.size() != 2 || !s.get(0).equals("range") || !s.get(1).matches("[0-9A-Fa-f]{5}")) {
            return new SimResponse(400, Map.of("Content-Type", "text/plain"), "The hash prefix was not in a valid format"
                    .getBytes(StandardCharsets.UTF_8));
        }
        String body = s.get(1).toUpperCase(Locale.ROOT).equals("5BAA6") ? range5baa6 : "0018A45C4D1DEF81644B54AB7F969B88D65:0\r\n";
        return new SimResponse(200, Map.of("Content-Type", "text/plain", "Cache-Control", "public, max-age=2678400"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
