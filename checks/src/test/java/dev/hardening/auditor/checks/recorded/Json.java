package dev.hardening.auditor.checks.recorded;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

/** Null-tolerant reads of recorded JSON: absent, {@code null} and blank all mean "not there". */
final class Json {
    private Json() {
    }

    static Optional<String> text(JsonNode node, String field) {
        JsonNode n = node.get(field);
        if (n == null || n.isNull() || !n.isValueNode() || n.asText().isBlank()) {
            return Optional.empty();
        }
        return Optional.of(n.asText());
    }

    static Optional<Instant> instant(JsonNode node, String field) {
        return text(node, field).map(Json::parseInstant);
    }

    /** ISO-8601 with a zone, or PyPI's legacy zone-less {@code upload_time} (UTC). */
    static Instant parseInstant(String text) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
        }
    }
}
