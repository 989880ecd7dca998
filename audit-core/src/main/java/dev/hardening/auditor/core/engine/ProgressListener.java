package dev.hardening.auditor.core.engine;

/**
 * Receives progress events. Called from worker threads: implementations must be thread-safe and
 * quick (the desktop app hands events to its UI thread, the CLI redraws one line).
 */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = event -> { };

    void onEvent(ProgressEvent event);
}
