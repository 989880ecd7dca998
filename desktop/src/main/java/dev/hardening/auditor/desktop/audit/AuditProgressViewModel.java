package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.model.Platform;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Turns the engine's progress events into a progress bar value, a status line and a row per source
 * (GitHub, npm, PyPI, Have I Been Pwned, RDAP, the workstation) with its requests and checks. Call on
 * the UI thread only.
 */
public final class AuditProgressViewModel {
    /** The sources the Run screen lists, in its order. */
    public static final List<Platform> SOURCES = List.of(Platform.GITHUB, Platform.NPM, Platform.PYPI, Platform.HIBP,
            Platform.RDAP, Platform.WORKSTATION);

    /** The value a JavaFX progress bar shows as "busy, amount unknown". */
    public static final double INDETERMINATE = -1;

    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyIntegerWrapper completedChecks = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper totalChecks = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyStringWrapper statusLine = new ReadOnlyStringWrapper("Ready.");
    private final Map<Platform, Integer> fetchesInFlight = new EnumMap<>(Platform.class);
    private final Map<Platform, int[]> perSource = new EnumMap<>(Platform.class);
    private final Set<String> runningChecks = new HashSet<>();
    private final Function<String, Set<Platform>> platformsOfCheck;
    private final ObservableList<SourceProgress> sources = FXCollections.observableArrayList();
    private final ObservableList<SourceProgress> sourcesView = FXCollections.unmodifiableObservableList(sources);
    private int failedFetches;
    private boolean started;
    private boolean cancelling;

    public AuditProgressViewModel() {
        this(checkId -> Set.of());
    }

    /** @param platformsOfCheck the sources a check reads (from its metadata), to count checks per source */
    public AuditProgressViewModel(Function<String, Set<Platform>> platformsOfCheck) {
        this.platformsOfCheck = platformsOfCheck;
        resetSources();
    }

    // Per source: requests done, in flight, failed, checks done, checks running.
    private static final int DONE = 0;
    private static final int IN_FLIGHT = 1;
    private static final int FAILED = 2;
    private static final int CHECKS_DONE = 3;
    private static final int CHECKS_RUNNING = 4;

    private void resetSources() {
        perSource.clear();
        runningChecks.clear();
        for (Platform p : SOURCES) {
            perSource.put(p, new int[5]);
        }
        publishSources();
    }

    private void publishSources() {
        List<SourceProgress> rows = new ArrayList<>();
        for (Platform p : SOURCES) {
            int[] c = perSource.get(p);
            rows.add(new SourceProgress(p, c[DONE], c[IN_FLIGHT], c[FAILED], c[CHECKS_DONE], c[CHECKS_RUNNING]));
        }
        sources.setAll(rows);
    }

    private void countSource(Platform platform, int index, int delta) {
        int[] c = perSource.get(platform);
        if (c != null) {
            c[index] = Math.max(0, c[index] + delta);
        }
    }

    private void checkStarted(String checkId) {
        if (runningChecks.add(checkId)) {
            platformsOfCheck.apply(checkId).forEach(p -> countSource(p, CHECKS_RUNNING, 1));
        }
    }

    private void checkFinished(String checkId) {
        boolean wasRunning = runningChecks.remove(checkId);
        for (Platform p : platformsOfCheck.apply(checkId)) {
            if (wasRunning) {
                countSource(p, CHECKS_RUNNING, -1);
            }
            countSource(p, CHECKS_DONE, 1);
        }
    }

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
        resetSources();
    }

    public void apply(ProgressEvent event) {
        applyAll(List.of(event));
    }

    /** Applies events in order and redraws once (the UI gets a large audit's events in batches). */
    public void applyAll(List<ProgressEvent> events) {
        events.forEach(this::count);
        refresh();
        publishSources();
    }

    private void count(ProgressEvent event) {
        if (event instanceof ProgressEvent.AuditStarted e) {
            started = true;
            totalChecks.set(e.totalChecks());
        } else if (event instanceof ProgressEvent.CheckStarted e) {
            countChecks(e.completed(), e.total());
            checkStarted(e.checkId());
        } else if (event instanceof ProgressEvent.CheckFinished e) {
            countChecks(e.completed(), e.total());
            checkFinished(e.checkId());
        } else if (event instanceof ProgressEvent.FetchStarted e) {
            fetchesInFlight.merge(e.platform(), 1, Integer::sum);
            countSource(e.platform(), IN_FLIGHT, 1);
        } else if (event instanceof ProgressEvent.FetchFinished e) {
            fetchesInFlight.computeIfPresent(e.platform(), (platform, n) -> n > 1 ? n - 1 : null);
            countSource(e.platform(), IN_FLIGHT, -1);
            countSource(e.platform(), DONE, 1);
            if (!e.ok()) {
                failedFetches++;
                countSource(e.platform(), FAILED, 1);
            }
        } else if (event instanceof ProgressEvent.AuditFinished) {
            fetchesInFlight.clear();
            perSource.values().forEach(c -> {
                c[IN_FLIGHT] = 0;
                c[CHECKS_RUNNING] = 0;
            });
        }
    }

    /** The user asked to stop; the report is still to come. */
    public void cancelling() {
        cancelling = true;
        refresh();
    }

    /** The audit is over; {@code summary} replaces the running status line. */
    public void finished(String summary) {
        fetchesInFlight.clear();
        stopSources();
        progress.set(1);
        statusLine.set(summary);
    }

    /** The audit could not run or did not complete. */
    public void failed(String message) {
        fetchesInFlight.clear();
        stopSources();
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

    private void stopSources() {
        perSource.values().forEach(c -> {
            c[IN_FLIGHT] = 0;
            c[CHECKS_RUNNING] = 0;
        });
        runningChecks.clear();
        publishSources();
    }

    /** One row per source of {@link #SOURCES}, in that order. */
    public ObservableList<SourceProgress> sources() {
        return sourcesView;
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
