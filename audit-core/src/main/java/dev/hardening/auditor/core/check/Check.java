package dev.hardening.auditor.core.check;

import dev.hardening.auditor.core.model.Finding;
import java.util.List;

/**
 * A check: a pure function from facts to findings. It reads facts only through
 * {@link CheckContext#facts()}, never performs I/O itself, and builds its findings with the
 * context's helpers so that they carry the check's metadata.
 *
 * <p>To add one: create a package under {@code dev.hardening.auditor.checks} with the class, its
 * {@code metadata.yaml} next to it, a {@code <Class>Test} beside it in the test tree, and add one
 * line to {@code META-INF/services/dev.hardening.auditor.core.check.Check}.
 *
 * <p>A check that cannot get a fact lets {@link dev.hardening.auditor.core.facts.FactUnavailableException}
 * escape (the engine reports UNKNOWN with the reason) or catches it to report one subject as
 * UNKNOWN. It never returns PASS without evidence: the engine turns such a finding into UNKNOWN.
 */
public interface Check {
    List<Finding> evaluate(CheckContext context);
}
