package dev.hardening.auditor.core.testing.samplecheck;

import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.model.Finding;
import java.util.List;
import java.util.function.Function;

/** A check whose behaviour each test supplies, to exercise the harness against the engine's rules. */
public final class SampleCheck implements Check {
    private final Function<CheckContext, List<Finding>> behaviour;

    public SampleCheck(Function<CheckContext, List<Finding>> behaviour) {
        this.behaviour = behaviour;
    }

    @Override
    public List<Finding> evaluate(CheckContext context) {
        return behaviour.apply(context);
    }
}
