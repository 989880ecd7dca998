package dev.hardening.auditor.desktop.audit;

import dev.hardening.auditor.core.model.Platform;

/**
 * One source's share of a running audit: its requests (done, in flight, failed) and the checks that
 * read it (done, running). Immutable: the Run screen's table gets a new row on each change.
 */
public record SourceProgress(Platform platform, int requestsDone, int inFlight, int failed, int checksDone,
                             int checksRunning) {

    public static SourceProgress idle(Platform platform) {
        return new SourceProgress(platform, 0, 0, 0, 0, 0);
    }

    public boolean untouched() {
        return requestsDone == 0 && inFlight == 0 && checksDone == 0 && checksRunning == 0;
    }

    /** A word for the state column: waiting, working, done or failed requests; never colour alone. */
    public String state(boolean auditRunning) {
        if (untouched()) {
            return auditRunning ? "– waiting" : "– not used";
        }
        if (inFlight > 0 || checksRunning > 0) {
            return "⟳ working";
        }
        return failed > 0 ? "⚠ done, " + failed + (failed == 1 ? " request failed" : " requests failed") : "✔ done";
    }
}
