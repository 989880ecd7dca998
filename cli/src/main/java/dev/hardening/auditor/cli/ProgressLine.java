package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.model.Platform;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One self-rewriting line on a terminal: checks done, requests per source. Redrawn at most ten
 * times a second; cleared when the audit ends. Not used when output is redirected.
 */
final class ProgressLine implements ProgressListener {
    private static final long MIN_REDRAW_NANOS = 100_000_000L;
    private final PrintStream err;
    private final Map<Platform, int[]> requests = new EnumMap<>(Platform.class);
    private final AtomicLong lastDraw = new AtomicLong();
    private int completed;
    private int total;
    private int width;

    ProgressLine(PrintStream err) {
        this.err = err;
    }

    @Override
    public synchronized void onEvent(ProgressEvent event) {
        // Java 17: no pattern matching in switch yet.
        if (event instanceof ProgressEvent.AuditStarted s) {
            total = s.totalChecks();
        } else if (event instanceof ProgressEvent.CheckFinished f) {
            completed = f.completed();
        } else if (event instanceof ProgressEvent.FetchStarted f) {
            requests.computeIfAbsent(f.platform(), p -> new int[1])[0]++;
        } else if (event instanceof ProgressEvent.AuditFinished) {
            clear();
            return;
        }
        long now = System.nanoTime();
        if (now - lastDraw.get() < MIN_REDRAW_NANOS && completed < total) {
            return;
        }
        lastDraw.set(now);
        draw();
    }

    private void draw() {
        StringBuilder sb = new StringBuilder();
        int barWidth = 20;
        int filled = total == 0 ? 0 : completed * barWidth / total;
        sb.append('[').append("#".repeat(filled)).append(" ".repeat(barWidth - filled)).append("] ")
                .append(completed).append('/').append(total).append(" checks");
        requests.forEach((p, n) -> sb.append("  ").append(p.displayName()).append(' ').append(n[0]));
        String line = sb.toString();
        int pad = Math.max(0, width - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        width = line.length();
    }

    private void clear() {
        if (width > 0) {
            err.print("\r" + " ".repeat(width) + "\r");
            err.flush();
            width = 0;
        }
    }
}
