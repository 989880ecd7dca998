package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.http.HostStats;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How the audit ran: timing, whether it was cancelled, which checks ran, and the requests made
 * per host. Hosts are kept sorted so that every report format lists them in the same order.
 */
public record ReportMetadata(Instant startedAt, Instant finishedAt, long durationMillis, boolean cancelled,
                             List<String> checksRun, Map<String, HostStats> requestsByHost) {
    public ReportMetadata {
        checksRun = List.copyOf(checksRun);
        requestsByHost = Collections.unmodifiableMap(new TreeMap<>(requestsByHost));
    }
}
