package dev.hardening.auditor.checks.release.publishanomalies;

import dev.hardening.auditor.checks.release.publishanomalies.Anomaly.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Anomalies in when releases happened, shared by npm and PyPI: a release after more than a year of
 * silence (coa, ctx), and several versions across release lines within minutes (rc, ua-parser-js).
 */
final class Timeline {
    static final Duration DORMANT = Duration.ofDays(365);
    /** Consecutive releases this close belong to one burst. */
    static final Duration BURST_GAP = Duration.ofMinutes(15);
    static final int BURST_MIN_VERSIONS = 3;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** A version and when it was published. */
    record Release(String version, Instant at) {
    }

    private Timeline() {
    }

    /** @param releases oldest first, each with a time */
    static List<Anomaly> anomalies(List<Release> releases) {
        List<Anomaly> out = new ArrayList<>();
        for (int i = 1; i < releases.size(); i++) {
            Release before = releases.get(i - 1);
            Release now = releases.get(i);
            Duration gap = Duration.between(before.at(), now.at());
            if (gap.compareTo(DORMANT) > 0) {
                out.add(new Anomaly(now.version(), Kind.DORMANT_REPUBLISH, "published on " + DATE.format(now.at()) + " after "
                        + gap.toDays() + " days without a release (previous: " + before.version() + " on "
                        + DATE.format(before.at()) + ")"));
            }
        }
        int start = 0;
        while (start < releases.size()) {
            int end = start;
            while (end + 1 < releases.size()
                    && Duration.between(releases.get(end).at(), releases.get(end + 1).at()).compareTo(BURST_GAP) <= 0) {
                end++;
            }
            List<Release> cluster = releases.subList(start, end + 1);
            Set<String> lines = new LinkedHashSet<>();
            cluster.forEach(r -> lines.add(ReleaseLines.of(r.version())));
            if (cluster.size() >= BURST_MIN_VERSIONS && lines.size() >= 2) {
                List<String> versions = cluster.stream().map(Release::version).toList();
                Duration span = Duration.between(cluster.get(0).at(), cluster.get(cluster.size() - 1).at());
                out.add(new Anomaly(String.join(", ", versions), Kind.BURST, versions.size() + " versions across release lines "
                        + String.join(", ", lines) + " within " + minutes(span) + " (from " + TIME.format(cluster.get(0).at()) + ")"));
            }
            start = end + 1;
        }
        return out;
    }

    private static String minutes(Duration d) {
        long s = d.toSeconds();
        return s < 120 ? s + " seconds" : (s + 59) / 60 + " minutes";
    }
}
