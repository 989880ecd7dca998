package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.model.Platform;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Turns the engine's progress events into a progress bar value and a status line: checks done out
 * of the total, and requests in flight per source. Call on the UI thread only.
 */
public final class AuditProgressViewModel {
    /** The value a JavaFX progress bar shows as "busy, amount unknown". */
    public static final double INDETERMINATE = -1;

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper completedChecks = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper totalChecks = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("Ready.");
    private final Map<Platform, Integer> fetchesInFlight = new EnumMap<>(Platform.class);
    private int failedFetches;
    private boolean started;
    private boolean cancelling;

    /** A new audit is starting; nothing is known yet. */
    public void reset() {
        fetchesInFlight.clear();
        failedFetches = 0;
        started = false;
        cancelling = false;
        completedChecks.set(0);
        totalChecks.set(0);
        progress.set(INDETERMINATE);
        statusLine.set("Starting the audit…");
    }

    public void apply(ProgressEvent event) {
        if (event instanceof ProgressEvent.AuditStarted e) {
            started = true;
            totalChecks.set(e.totalChecks());
        } else if (event instanceof ProgressEvent.CheckStarted e) {
            countChecks(e.completed(), e.total());
        } else if (event instanceof ProgressEvent.CheckFinished e) {
            countChecks(e.completed(), e.total());
        } else if (event instanceof ProgressEvent.FetchStarted e) {
            fetchesInFlight.merge(e.platform(), 1, Integer::sum);
        } else if (event instanceof ProgressEvent.FetchFinished e) {
            fetchesInFlight.computeIfPresent(e.platform(), (platform, n) -> n > 1 ? n - 1 : null);
            if (!e.ok()) {
                failedFetches++;
            }
        } else if (event instanceof ProgressEvent.AuditFinished) {
            fetchesInFlight.clear();
        }
        refresh();
    }

    /** The user asked to stop; the report is still to come. */
    public void cancelling() {
        cancelling = true;
        refresh();
    }

    /** The audit is over; {@code summary} replaces the running status line. */
    public void finished(String summary) {
        fetchesInFlight.clear();
        progress.set(1);
        statusLine.set(summary);
    }

    /** The audit could not run or did not complete. */
    public void failed(String message) {
        fetchesInFlight.clear();
        progress.set(0);
        statusLine.set(message);
    }

    // Worker threads report concurrently, so counts can arrive out of order: never go backwards.
    private void countChecks(int completed, int total) {
        started = true;
        totalChecks.set(Math.max(totalChecks.get(), total));
        completedChecks.set(Math.max(completedChecks.get(), completed));
    }

    private void refresh() {
        int total = totalChecks.get();
        progress.set(!started || total == 0 ? INDETERMINATE : (double) completedChecks.get() / total);
        List<String> parts = new ArrayList<>();
        if (cancelling) {
            parts.add("Cancelling…");
        }
        parts.add(started ? completedChecks.get() + " of " + total + " checks done" : "Starting the audit…");
        if (!fetchesInFlight.isEmpty()) {
            List<String> sources = new ArrayList<>();
            fetchesInFlight.forEach((platform, n) -> sources.add(platform.displayName() + " " + n));
            parts.add("fetching " + String.join(", ", sources));
        }
        if (failedFetches > 0) {
            parts.add(failedFetches + (failedFetches == 1 ? " request failed" : " requests failed"));
        }
        statusLine.set(String.join(" · ", parts));
    }

    /** Requests in flight per source, for the status line. */
    public Map<Platform, Integer> fetchesInFlight() {
        return Map.copyOf(fetchesInFlight);
    }

    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty completedChecksProperty() {
        return completedChecks.getReadOnlyProperty();
    }

    public ReadOnlyIntegerProperty totalChecksProperty() {
        return totalChecks.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusLineProperty() {
        return statusLine.getReadOnlyProperty();
    }
}
