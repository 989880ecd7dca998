package dev.hardening.auditor.checks.release.provenance;

import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The policy's {@code release.require-provenance}: a package that has never had provenance is a WARN
 * without it, and a FAIL that names the rule with it.
 */
final class ProvenanceRequirement {
    static final String KEY = "release.require-provenance";

    private ProvenanceRequirement() {
    }

    static Finding neverHadProvenance(CheckContext context, String subject, String message, List<Evidence> evidence) {
        if (!context.policy().requireProvenance()) {
            return context.warn(subject, message, evidence);
        }
        String rule = context.policy().describe(KEY);
        List<Evidence> all = new ArrayList<>(evidence);
        all.add(Evidence.of("provenance", "required on every release", rule));
        return context.fail(subject, message + " The team policy requires provenance on every release (" + rule + ").", all);
    }
}
