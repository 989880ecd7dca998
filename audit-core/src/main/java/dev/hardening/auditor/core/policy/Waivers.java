package dev.hardening.auditor.core.policy;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Applies the policy's waivers to an audit's findings, after the engine. A waiver attaches to the
 * findings of its check and subject that call for attention (FAIL, WARN, UNKNOWN); the status is
 * kept, so the report still shows the risk, and only the {@code --fail-on} gate skips it while the
 * waiver is active.
 */
public final class Waivers {
    private Waivers() {
    }

    public static List<Finding> apply(List<Finding> findings, Policy policy, Instant now) {
        if (policy.waivers().isEmpty()) {
            return findings;
        }
        List<Finding> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            if (!f.status().needsAction() && f.status() != Status.UNKNOWN) {
                out.add(f);
                continue;
            }
            // Of several waivers for one finding, the one that lasts longest counts.
            Optional<PolicyWaiver> waiver = policy.waivers().stream()
                    .filter(w -> w.covers(f.check(), f.subject()))
                    .max(Comparator.comparing(PolicyWaiver::expires));
            out.add(waiver.map(w -> f.withWaiver(w.asAppliedAt(now))).orElse(f));
        }
        return out;
    }
}
