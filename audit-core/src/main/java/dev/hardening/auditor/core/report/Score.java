package dev.hardening.auditor.core.report;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * The hardening score, 0 to 100 (documented in docs/SCORE.md):
 *
 * <pre>
 *   score = round(100 × Σ weight(severity) × credit(status) / Σ weight(severity))
 * </pre>
 *
 * over findings whose status is PASS, ATTESTED, WARN, FAIL or UNKNOWN. Weights: critical 10,
 * high 5, medium 3, low 1, info 0. Credit: PASS 1, ATTESTED 0.75 (self-declared, not verified),
 * WARN 0.5, FAIL 0, UNKNOWN 0 (what could not be verified earns nothing). NOT_APPLICABLE findings
 * are left out. With nothing to weigh, the score is 0: no evidence, no credit.
 */
public final class Score {
    private Score() {
    }

    public static double credit(Status status) {
        return switch (status) {
            case PASS -> 1.0;
            case ATTESTED -> 0.75;
            case WARN -> 0.5;
            case FAIL, UNKNOWN -> 0.0;
            case NOT_APPLICABLE -> throw new IllegalArgumentException("NOT_APPLICABLE carries no credit");
        };
    }

    public static int of(List<Finding> findings) {
        double weighted = 0;
        double total = 0;
        for (Finding f : findings) {
            if (f.status() == Status.NOT_APPLICABLE) {
                continue;
            }
            int w = f.severity().weight();
            total += w;
            weighted += w * credit(f.status());
        }
        if (total == 0) {
            return 0;
        }
        return (int) Math.round(100.0 * weighted / total);
    }

    /**
     * The formula in one line, with the weights and credits in force, for report headers. Built from
     * {@link Severity#weight()} and {@link #credit(Status)} so that it cannot drift from the code.
     */
    public static String formulaSummary() {
        StringJoiner weights = new StringJoiner(", ");
        for (Severity severity : Severity.values()) {
            weights.add(severity.id() + " " + severity.weight());
        }
        StringJoiner credits = new StringJoiner(", ");
        for (Status status : List.of(Status.PASS, Status.ATTESTED, Status.WARN, Status.FAIL, Status.UNKNOWN)) {
            credits.add(status.name() + " " + BigDecimal.valueOf(credit(status)).stripTrailingZeros()
                    .toPlainString());
        }
        return String.format(Locale.ROOT, "score = round(100 × Σ weight × credit ÷ Σ weight), NOT_APPLICABLE "
                + "left out, 0 when nothing is weighed; weight by severity: %s; credit by status: %s "
                + "(docs/SCORE.md)", weights, credits);
    }
}
