package dev.hardening.auditor.desktop;

import dev.hardening.auditor.core.check.CheckRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Loads the check registry on a background thread started before the JavaFX toolkit, so that reading
 * the checks' metadata overlaps the toolkit's start instead of delaying the first window. Without a
 * preload (tests that start {@link DesktopApp} directly), {@link #await()} loads it on the caller's thread.
 */
final class CheckRegistryPreload {
    /** Guarded by the class: set by {@link #start()}, taken once by {@link #await()}. */
    private static CompletableFuture<CheckRegistry> loading;

    private CheckRegistryPreload() {
    }

    static synchronized void start() {
        if (loading == null) {
            loading = CompletableFuture.supplyAsync(CheckRegistry::load, runnable -> {
                Thread t = new Thread(runnable, "check-registry-preload");
                t.setDaemon(true);
                t.start();
            });
        }
    }

    /** The loaded registry; an invalid catalog throws the loader's own exception. */
    static CheckRegistry await() {
        CompletableFuture<CheckRegistry> f;
        synchronized (CheckRegistryPreload.class) {
            f = loading;
            loading = null;
        }
        if (f == null) {
            return CheckRegistry.load();
        }
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }
}
