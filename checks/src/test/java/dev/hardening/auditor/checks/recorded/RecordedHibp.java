package dev.hardening.auditor.checks.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hardening.auditor.core.facts.hibp.AccountBreaches;
import dev.hardening.auditor.core.facts.hibp.Breach;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Recorded Have I Been Pwned responses turned into fact records (the HTML description and logo left out). */
public final class RecordedHibp {
    private RecordedHibp() {
    }

    /** {@code GET /breachedaccount/{address}?truncateResponse=false}: an array of breach objects. */
    public static AccountBreaches breaches(String address, JsonNode array) {
        List<Breach> out = new ArrayList<>();
        for (JsonNode b : array) {
            List<String> classes = new ArrayList<>();
            b.path("DataClasses").forEach(c -> classes.add(c.asText()));
            out.add(new Breach(b.path("Name").asText(), b.path("Title").asText(), b.path("Domain").asText(""),
                    Json.text(b, "BreachDate").map(LocalDate::parse), Json.instant(b, "AddedDate"), b.path("PwnCount").asLong(),
                    classes, b.path("IsVerified").asBoolean(), b.path("IsFabricated").asBoolean(), b.path("IsSensitive").asBoolean(),
                    b.path("IsRetired").asBoolean(), b.path("IsSpamList").asBoolean(), b.path("IsMalware").asBoolean()));
        }
        return new AccountBreaches(address, out);
    }
}
