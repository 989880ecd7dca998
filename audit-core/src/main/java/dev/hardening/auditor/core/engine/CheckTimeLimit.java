package dev.hardening.auditor.core.engine;

import java.time.Duration;

/**
 * When a check is stopped: after {@code limit} without progress (no fact collected anywhere in the
 * audit since the check started or since the last one), or after {@link #HARD_LIMIT_FACTOR} times
 * {@code limit} in any case. A check that waits behind the shared facts of a large audit keeps
 * going while they arrive; a hung host, which collects nothing, ends it within the limit.
 */
record CheckTimeLimit(Duration limit) {
    /** However much progress the audit makes, a check stops after this many times its limit. */
    static final int HARD_LIMIT_FACTOR = 10;

    /** What the timer does when it fires. */
    sealed interface Decision {
        /** Not yet: look again after this long. */
        record WaitMore(long nanos) implements Decision {
        }

        /** Stop the check, saying why. */
        record Stop(String reason) implements Decision {
        }
    }

    Decision decide(long startedNanos, long lastProgressNanos, long nowNanos) {
        long limitNanos = limit.toNanos();
        long hardNanos = limitNanos * HARD_LIMIT_FACTOR;
        long ran = nowNanos - startedNanos;
        long idle = nowNanos - Math.max(startedNanos, lastProgressNanos);
        if (ran >= hardNanos) {
            return new Decision.Stop("the check did not finish within " + RunningAudit.describe(Duration.ofNanos(hardNanos))
                    + " (" + HARD_LIMIT_FACTOR + " times the time limit of " + RunningAudit.describe(limit) + ")");
        }
        if (idle >= limitNanos) {
            return new Decision.Stop("the check did not finish within " + RunningAudit.describe(limit)
                    + " while the audit collected nothing");
        }
        return new Decision.WaitMore(Math.min(limitNanos - idle, hardNanos - ran));
    }
}
