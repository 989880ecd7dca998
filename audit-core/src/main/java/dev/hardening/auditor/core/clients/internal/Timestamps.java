package dev.hardening.auditor.core.clients.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * Parses the timestamp spellings the audited APIs use: ISO-8601 with {@code Z} or an offset
 * (GitHub, npm, RDAP), ISO-8601 without a zone, which PyPI means as UTC ({@code upload_time}), and
 * a bare date (HIBP {@code BreachDate}, read as the start of that day in UTC).
 */
public final class Timestamps {
    private Timestamps() {
    }

    public static Optional<Instant> parse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        String t = text.trim();
        try {
            return Optional.of(OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
        } catch (DateTimeParseException notWithOffset) {
            // try the next spelling
        }
        try {
            return Optional.of(LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException notLocal) {
            // try the next spelling
        }
        try {
            return Optional.of(LocalDate.parse(t, DateTimeFormatter.ISO_LOCAL_DATE).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    /** A bare ISO date such as {@code 2013-10-04}, or the date part of a timestamp. */
    public static Optional<LocalDate> parseDate(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE));
        } catch (DateTimeParseException notADate) {
            return parse(text).map(i -> i.atOffset(ZoneOffset.UTC).toLocalDate());
        }
    }
}
