package dev.hardening.auditor.core.workflows;

import java.util.Optional;

/**
 * One problem in one workflow file.
 *
 * @param path   the file, e.g. {@code .github/workflows/triage.yml}
 * @param line   where it is (the job or step), when known
 * @param where  e.g. {@code job triage, step 2 "Echo comment"}; empty for the whole file
 * @param detail one sentence: what was found
 * @param what   the offending text itself, short: an expression, a {@code uses:} reference; never a
 *               whole script (scripts may hold secrets)
 */
public record WorkflowFinding(WorkflowRule rule, String path, Optional<Integer> line, String where, String detail,
                              String what) {
    /** {@code path:line}. */
    public String location() {
        return path + line.map(l -> ":" + l).orElse("");
    }
}
