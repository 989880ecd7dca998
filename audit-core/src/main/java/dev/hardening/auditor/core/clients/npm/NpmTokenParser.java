package dev.hardening.auditor.core.clients.npm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.clients.internal.JsonFields;
import dev.hardening.auditor.core.clients.internal.Timestamps;
import dev.hardening.auditor.core.facts.npm.NpmToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One entry of {@code GET /-/npm/v1/tokens}: {@code key}, {@code readonly}, {@code cidr_whitelist},
 * {@code created}, {@code updated} (npm CLI's mock registry and tests), and the fields of granular
 * tokens {@code expiry}, {@code bypass_2fa}, {@code cidr}, {@code permissions}, {@code accessed},
 * {@code revoked} (REFERENCE.md). The {@code token} field is never read.
 */
final class NpmTokenParser {
    private NpmTokenParser() {
    }

    static NpmToken token(JsonNode o) {
        String key = JsonFields.textOrEmpty(o, "key");
        List<String> cidr = new ArrayList<>(JsonFields.strings(o, "cidr_whitelist"));
        JsonFields.strings(o, "cidr").stream().filter(c -> !cidr.contains(c)).forEach(cidr::add);
        JsonFields.text(o, "cidr").filter(c -> !cidr.contains(c)).ifPresent(cidr::add);
        JsonNode revoked = o.path("revoked");
        boolean isRevoked = revoked.isBoolean() ? revoked.booleanValue() : JsonFields.text(revoked).isPresent();
        return new NpmToken(key.substring(0, Math.min(NpmToken.KEY_PREFIX_LENGTH, key.length())),
                JsonFields.bool(o, "readonly"), cidr, permissions(o.path("permissions")), JsonFields.bool(o, "bypass_2fa"),
                JsonFields.instant(o, "created"), JsonFields.instant(o, "updated"), instant(o.path("expiry")),
                instant(o.path("accessed")), isRevoked);
    }

    /** A timestamp as ISO text or as epoch milliseconds. */
    private static Optional<Instant> instant(JsonNode v) {
        if (v.isIntegralNumber()) {
            return Optional.of(Instant.ofEpochMilli(v.longValue()));
        }
        return JsonFields.text(v).flatMap(Timestamps::parse);
    }

    /** Strings as they are; objects as their string values joined with ':' (e.g. {@code package:write}). */
    private static List<String> permissions(JsonNode array) {
        List<String> out = new ArrayList<>();
        for (JsonNode p : JsonFields.elements(array)) {
            if (p.isTextual()) {
                JsonFields.text(p).ifPresent(out::add);
            } else if (p.isObject()) {
                List<String> parts = new ArrayList<>();
                p.properties().forEach(e -> JsonFields.text(e.getValue()).ifPresent(parts::add));
                if (!parts.isEmpty()) {
                    out.add(String.join(":", parts));
                }
            }
        }
        return out;
    }
}
