package dev.hardening.auditor.core.clients.github;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Reads the {@code github-authentication-token-expiration} header. GitHub does not document it;
 * observed spellings are {@code 2023-06-14 15:09:46 UTC} (classic tokens) and
 * {@code 2023-06-14 15:09:46 -0700} (fine-grained tokens, with an offset).
 */
final class TokenExpiration {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter WITH_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx");

    private TokenExpiration() {
    }

    /** Empty when the header is absent (no expiry) or in a spelling not seen before. */
    static Optional<Instant> parse(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String h = header.trim();
        try {
            if (h.endsWith(" UTC")) {
                return Optional.of(LocalDateTime.parse(h.substring(0, h.length() - 4).trim(), LOCAL)
                        .toInstant(ZoneOffset.UTC));
            }
            return Optional.of(OffsetDateTime.parse(h, WITH_OFFSET).toInstant());
        } catch (DateTimeParseException unknownSpelling) {
            try {
                return Optional.of(OffsetDateTime.parse(h).toInstant());
            } catch (DateTimeParseException notIso) {
                return Optional.empty();
            }
        }
    }
}
