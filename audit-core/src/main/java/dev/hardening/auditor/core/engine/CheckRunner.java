package dev.hardening.auditor.core.engine;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.facts.FactUnavailableException;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one check and enforces the rules every finding must obey, whatever the check does:
 * a missing fact or an exception becomes UNKNOWN with the reason; a PASS without evidence becomes
 * UNKNOWN; a finding claiming another check's id is refused; no findings means NOT_APPLICABLE.
 * Errors a check can cause by itself (a failed assertion, a missing class, a too deep recursion)
 * are reported like exceptions, at once, rather than leaving the check to its time limit.
 */
final class CheckRunner {
    static final String SUBJECT_WHOLE_AUDIT = "audit";

    private CheckRunner() {
    }

    static List<Finding> run(RegisteredCheck check, CheckContext context) {
        List<Finding> produced;
        try {
            produced = check.check().evaluate(context);
        } catch (FactUnavailableException e) {
            return List.of(context.unknown(subjectOf(e), e.unavailability()));
        } catch (RuntimeException | AssertionError | LinkageError | StackOverflowError e) {
            return List.of(context.unknown(SUBJECT_WHOLE_AUDIT,
                    "the check failed with " + e.getClass().getSimpleName() + " before reaching a verdict",
                    "run with --debug and report the problem"));
        }
        if (produced == null || produced.isEmpty()) {
            return List.of(context.notApplicable(SUBJECT_WHOLE_AUDIT, "nothing this check applies to was found among the targets"));
        }
        List<Finding> checked = new ArrayList<>(produced.size());
        for (Finding f : produced) {
            checked.add(f == null
                    ? context.unknown(SUBJECT_WHOLE_AUDIT, "the check produced an empty finding, which was discarded",
                            "report the problem")
                    : enforce(f, check));
        }
        return checked;
    }

    static Finding enforce(Finding f, RegisteredCheck check) {
        if (!f.check().equals(check.id())) {
            return new Finding(check.id(), Status.UNKNOWN, check.metadata().severity(), check.metadata().stage(),
                    f.subject(), check.metadata().title(),
                    "the check produced a finding under another id (" + f.check() + ") and it was discarded",
                    "report the problem", List.of(), check.metadata().remediation(), check.metadata().references());
        }
        if (f.status() == Status.PASS && f.evidence().isEmpty()) {
            return f.withVerdict(Status.UNKNOWN, "the check reported PASS without evidence, which is not accepted",
                    "report the problem");
        }
        return f;
    }

    private static String subjectOf(FactUnavailableException e) {
        if (e.key() == null || e.key().subject().isEmpty()) {
            return SUBJECT_WHOLE_AUDIT;
        }
        return e.key().platform().id() + ":" + e.key().subject();
    }
}
