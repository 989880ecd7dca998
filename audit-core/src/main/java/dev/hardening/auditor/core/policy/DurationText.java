package dev.hardening.auditor.core.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as people write them in a policy: {@code 90d}, {@code 2w}, {@code 12h}, the words
 * {@code daily}, {@code weekly}, {@code monthly} (31 days), or ISO-8601 ({@code P7D}, {@code PT12H}).
 */
public final class DurationText {
    private static final Pattern SHORT = Pattern.compile("(\\d{1,6})\\s*([hdw])");

    private DurationText() {
    }

    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration d = switch (t) {
            case "daily" -> Duration.ofDays(1);
            case "weekly" -> Duration.ofDays(7);
            case "monthly" -> Duration.ofDays(31);
            default -> parseOther(t, text);
        };
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("'" + text + "' is not a positive duration");
        }
        return d;
    }

    private static Duration parseOther(String t, String original) {
        Matcher m = SHORT.matcher(t);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "h" -> Duration.ofHours(n);
                case "d" -> Duration.ofDays(n);
                default -> Duration.ofDays(7 * n);
            };
        }
        try {
            return Duration.parse(t.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + original + "' is not a duration (write e.g. 12h, 7d, 2w, "
                    + "weekly or P7D)");
        }
    }

    /** {@code 7 days}, {@code 36 hours}: how a duration is shown in findings. */
    public static String describe(Duration d) {
        if (d.toHours() % 24 == 0) {
            long days = d.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        long hours = d.toHours();
        return hours + (hours == 1 ? " hour" : " hours");
    }
}
