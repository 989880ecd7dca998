package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.model.Finding;
import java.util.List;

/**
 * Runs one check on the calling thread under exactly the rules the engine applies (a missing fact
 * becomes UNKNOWN, a PASS without evidence becomes UNKNOWN, no findings means NOT_APPLICABLE), without
 * the worker pool and time limit. For tests and tools that evaluate a single check.
 */
public final class StandaloneCheckRunner {
    private StandaloneCheckRunner() {
    }

    public static List<Finding> run(RegisteredCheck check, CheckContext context) {
        return CheckRunner.run(check, context);
    }
}
