package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.http.HostStats;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * How the audit ran: timing, whether it was cancelled, which checks ran, and the requests made
 * per host.
 */
public record ReportMetadata(Instant startedAt, Instant finishedAt, long durationMillis, boolean cancelled,
                             List<String> checksRun, Map<String, HostStats> requestsByHost) {
    public ReportMetadata {
        checksRun = List.copyOf(checksRun);
        requestsByHost = Map.copyOf(requestsByHost);
    }
}
