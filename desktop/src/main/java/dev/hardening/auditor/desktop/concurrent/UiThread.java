package dev.hardening.auditor.desktop.concurrent;

import java.util.concurrent.Executor;

/**
 * Where view-model state changes: the JavaFX application thread in the app ({@link FxUiThread}),
 * the calling thread in tests ({@link #direct()}). Events from audit worker threads go through it.
 */
@FunctionalInterface
public interface UiThread extends Executor {

    /** Runs everything at once on the calling thread. */
    static UiThread direct() {
        return Runnable::run;
    }
}
