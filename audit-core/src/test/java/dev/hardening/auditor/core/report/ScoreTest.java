package dev.hardening.auditor.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Severity;
import dev.hardening.auditor.core.model.Status;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The score formula of docs/SCORE.md. */
class ScoreTest {

    @Test
    void workedExampleOfTheDocs() {
        // The same findings as the worked example in docs/SCORE.md.
        List<Finding> findings = List.of(
                f(Status.FAIL, Severity.HIGH),
                f(Status.PASS, Severity.HIGH),
                f(Status.ATTESTED, Severity.HIGH),
                f(Status.WARN, Severity.MEDIUM),
                f(Status.UNKNOWN, Severity.MEDIUM),
                f(Status.PASS, Severity.LOW),
                f(Status.NOT_APPLICABLE, Severity.MEDIUM),
                f(Status.WARN, Severity.INFO));

        // (0 + 5 + 3.75 + 1.5 + 0 + 1 + 0) / (5 + 5 + 5 + 3 + 3 + 1 + 0) = 11.25 / 22 = 51.1 %
        assertThat(Score.of(findings)).isEqualTo(51);
    }

    @Test
    void weightsAndCredits() {
        assertThat(List.of(Severity.values())).extracting(Severity::weight).containsExactly(10, 5, 3, 1, 0);
        assertThat(Score.credit(Status.PASS)).isEqualTo(1.0);
        assertThat(Score.credit(Status.ATTESTED)).isEqualTo(0.75);
        assertThat(Score.credit(Status.WARN)).isEqualTo(0.5);
        assertThat(Score.credit(Status.FAIL)).isZero();
        assertThat(Score.credit(Status.UNKNOWN)).isZero();
        assertThatThrownBy(() -> Score.credit(Status.NOT_APPLICABLE)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void notApplicableIsLeftOut() {
        List<Finding> findings = new ArrayList<>(List.of(f(Status.PASS, Severity.HIGH), f(Status.FAIL, Severity.LOW)));
        int before = Score.of(findings);

        findings.add(f(Status.NOT_APPLICABLE, Severity.CRITICAL));
        findings.add(f(Status.NOT_APPLICABLE, Severity.HIGH));

        assertThat(Score.of(findings)).isEqualTo(before).isEqualTo(83); // 5 / 6
    }

    @Test
    void whatCannotBeVerifiedEarnsNothing() {
        assertThat(Score.of(List.of(f(Status.UNKNOWN, Severity.CRITICAL), f(Status.UNKNOWN, Severity.LOW)))).isZero();
    }

    @Test
    void nothingToWeighScoresZero() {
        assertThat(Score.of(List.of())).isZero();
        assertThat(Score.of(List.of(f(Status.NOT_APPLICABLE, Severity.HIGH)))).isZero();
        assertThat(Score.of(List.of(f(Status.PASS, Severity.INFO)))).isZero();
    }

    @Test
    void everythingPassingScoresHundred() {
        assertThat(Score.of(List.of(f(Status.PASS, Severity.CRITICAL), f(Status.PASS, Severity.LOW),
                f(Status.NOT_APPLICABLE, Severity.HIGH), f(Status.WARN, Severity.INFO)))).isEqualTo(100);
    }

    @Test
    void attestedAndWarnEarnPartialCredit() {
        assertThat(Score.of(List.of(f(Status.ATTESTED, Severity.HIGH)))).isEqualTo(75);
        assertThat(Score.of(List.of(f(Status.WARN, Severity.MEDIUM)))).isEqualTo(50);
    }

    @Test
    void roundsHalfUp() {
        // 5 / 8 = 62.5 %
        assertThat(Score.of(List.of(f(Status.PASS, Severity.HIGH), f(Status.FAIL, Severity.MEDIUM)))).isEqualTo(63);
    }

    @Test
    void formulaSummaryStatesTheWeightsAndCreditsInForce() {
        assertThat(Score.formulaSummary()).contains(
                "critical 10, high 5, medium 3, low 1, info 0",
                "PASS 1, ATTESTED 0.75, WARN 0.5, FAIL 0, UNKNOWN 0",
                "NOT_APPLICABLE left out", "docs/SCORE.md");
    }

    private static Finding f(Status status, Severity severity) {
        return ReportFixtures.finding(status, severity);
    }
}
