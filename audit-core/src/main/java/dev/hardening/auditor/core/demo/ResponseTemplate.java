package dev.hardening.auditor.core.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A response body or header value whose dates are relative to the audit clock, so that a verdict
 * such as "expires within 30 days" or "idle for over a year" stays the same whenever the demo runs.
 *
 * <p>Placeholders:
 * <ul>
 *   <li>{@code {{days:-400}}}: now plus N days, ISO-8601 UTC to the second ({@code 2025-10-22T09:12:44Z});</li>
 *   <li>{@code {{days:-400@14:03:27.118}}}: the UTC date N days from today at that time of day, printed with
 *       exactly the fraction given ({@code 2025-10-22T14:03:27.118Z}), so timestamps look recorded;</li>
 *   <li>a {@code |format} suffix on {@code days}: {@code iso} (default), {@code local}
 *       ({@code 2025-10-22T14:03:27}, PyPI's {@code upload_time}), {@code date} ({@code 2025-10-22}),
 *       {@code http} (RFC 7231 date for {@code Date} / {@code Last-Modified}), {@code github}
 *       ({@code 2025-10-22 14:03:27 +0000}, GitHub's token-expiration header), {@code epoch} (seconds),
 *       {@code millis} (milliseconds);</li>
 *   <li>{@code {{epoch:+3600}}}: epoch seconds N seconds from now (e.g. {@code X-RateLimit-Reset});</li>
 *   <li>{@code {{segment:3}}}: the N-th decoded segment of the request path (0-based), JSON-escaped, for
 *       error messages that name what was asked for.</li>
 * </ul>
 * Anything else between double braces is refused when the world is loaded, not when it is served.
 */
final class ResponseTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile(
            "\\{\\{(days|epoch|segment):([+-]?\\d{1,6})(?:@(\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?))?(?:\\|([a-z]+))?}}");
    private static final Set<String> DAY_FORMATS = Set.of("iso", "local", "date", "http", "github", "epoch", "millis");
    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter GITHUB_DATE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter LOCAL_DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.US).withZone(ZoneOffset.UTC);

    private final List<Object> parts;

    private ResponseTemplate(List<Object> parts) {
        this.parts = parts;
    }

    /**
     * @param source the template text
     * @param where  names the template in error messages (a file, a header)
     * @throws IllegalArgumentException if a placeholder is malformed
     */
    static ResponseTemplate compile(String source, String where) {
        List<Object> parts = new ArrayList<>();
        Matcher m = PLACEHOLDER.matcher(source);
        int last = 0;
        while (m.find()) {
            addLiteral(parts, source.substring(last, m.start()), where);
            parts.add(placeholder(m, where));
            last = m.end();
        }
        addLiteral(parts, source.substring(last), where);
        return new ResponseTemplate(List.copyOf(parts));
    }

    String render(Instant now, List<String> pathSegments) {
        StringBuilder out = new StringBuilder();
        for (Object p : parts) {
            if (p instanceof String s) {
                out.append(s);
            } else {
                ((Placeholder) p).appendTo(out, now, pathSegments);
            }
        }
        return out.toString();
    }

    private static void addLiteral(List<Object> parts, String literal, String where) {
        int stray = literal.indexOf("{{");
        if (stray >= 0) {
            int end = Math.min(literal.length(), stray + 40);
            throw new IllegalArgumentException(where + ": unknown template placeholder near '"
                    + literal.substring(stray, end) + "'");
        }
        if (!literal.isEmpty()) {
            parts.add(literal);
        }
    }

    private static Placeholder placeholder(Matcher m, String where) {
        String kind = m.group(1);
        long n = Long.parseLong(m.group(2));
        String time = m.group(3);
        String format = m.group(4) == null ? "iso" : m.group(4);
        if (!kind.equals("days") && (time != null || m.group(4) != null)) {
            throw new IllegalArgumentException(where + ": only {{days:...}} takes @time or |format: " + m.group());
        }
        if (!DAY_FORMATS.contains(format)) {
            throw new IllegalArgumentException(where + ": unknown date format '" + format + "' in " + m.group());
        }
        if (time != null) {
            try {
                LocalTime.parse(time);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(where + ": invalid time of day in " + m.group(), e);
            }
        }
        return new Placeholder(kind, n, time, format);
    }

    private record Placeholder(String kind, long n, String timeOfDay, String format) {
        void appendTo(StringBuilder out, Instant now, List<String> pathSegments) {
            switch (kind) {
                case "epoch" -> out.append(now.getEpochSecond() + n);
                case "segment" -> appendJsonEscaped(out, n < pathSegments.size() ? pathSegments.get((int) n) : "");
                default -> appendDay(out, now);
            }
        }

        private void appendDay(StringBuilder out, Instant now) {
            Instant at;
            if (timeOfDay == null) {
                at = now.plus(n, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
            } else {
                LocalDate date = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(n);
                at = date.atTime(LocalTime.parse(timeOfDay)).toInstant(ZoneOffset.UTC);
            }
            switch (format) {
                case "iso" -> out.append(timeOfDay == null
                        ? DateTimeFormatter.ISO_INSTANT.format(at)
                        // The literal fraction keeps the recorded look (npm millis, PyPI micros).
                        : LocalDate.ofInstant(at, ZoneOffset.UTC) + "T" + timeOfDay + "Z");
                case "local" -> out.append(LOCAL_DATE_TIME.format(at));
                case "date" -> out.append(LocalDate.ofInstant(at, ZoneOffset.UTC));
                case "http" -> out.append(HTTP_DATE.format(at));
                case "github" -> out.append(GITHUB_DATE.format(at));
                case "epoch" -> out.append(at.getEpochSecond());
                case "millis" -> out.append(at.toEpochMilli());
                default -> throw new IllegalStateException("format checked at compile time: " + format);
            }
        }

        private static void appendJsonEscaped(StringBuilder out, String s) {
            for (int i = 0; i < s.length(); i++) {
                char c = s.charAt(i);
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '<' -> out.append("\\u003c");
                    default -> {
                        if (c < 0x20) {
                            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                        } else {
                            out.append(c);
                        }
                    }
                }
            }
        }
    }
}
