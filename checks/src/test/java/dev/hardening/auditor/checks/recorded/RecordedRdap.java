package dev.hardening.auditor.checks.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.facts.rdap.DomainRegistration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Recorded RDAP responses (RFC 9083) turned into a {@link DomainRegistration}. */
public final class RecordedRdap {
    private RecordedRdap() {
    }

    /** A domain object, or an error object with {@code errorCode} 404 (not registered). */
    public static DomainRegistration domain(String queried, JsonNode n, String server) {
        if (n.path("errorCode").asInt() == 404) {
            return new DomainRegistration(queried, false, Optional.empty(), Optional.empty(), List.of(), server);
        }
        Optional<Instant> registered = Optional.empty();
        Optional<Instant> expires = Optional.empty();
        for (JsonNode e : n.path("events")) {
            String action = e.path("eventAction").asText();
            Optional<Instant> date = Json.instant(e, "eventDate");
            if (action.equals("registration")) {
                registered = date;
            } else if (action.equals("expiration")) {
                expires = date;
            }
        }
        List<String> statuses = new ArrayList<>();
        n.path("status").forEach(s -> statuses.add(s.asText()));
        return new DomainRegistration(queried, true, registered, expires, statuses, server);
    }
}
