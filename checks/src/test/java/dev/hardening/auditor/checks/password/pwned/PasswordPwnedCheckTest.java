package dev.hardening.auditor.checks.password.pwned;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.password.PasswordFacts;
import dev.hardening.auditor.core.facts.password.PwnedPassword;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PasswordPwnedCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new PasswordPwnedCheck());

    @ParameterizedTest(name = "{0} occurrences")
    @CsvSource({"3861493, FAIL, '3,861,493 times'", "1, FAIL, 'appears 1 times'", "0, PASS, 'not in Pwned Passwords'"})
    void occurrencesDecide(long occurrences, Status expected, String mentioned) {
        Finding finding = HARNESS.runSingle(FakeFacts.none().with(PasswordFacts.PWNED, new PwnedPassword(occurrences, 574)));

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.message()).contains(mentioned);
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.value()).contains("first 5", "574"));
    }

    @Test
    void inAnAuditNoPasswordIsAskedForAndTheCheckSaysHowToRunIt() {
        Finding finding = HARNESS.runSingle(FakeFacts.none().unavailable(PasswordFacts.PWNED, Unavailability.of(Cause.NOT_CONFIGURED,
                "passwords are checked only on request", "run auditor password-check")));

        assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(finding.message()).contains("auditor password-check", "5 characters");
    }

    @Test
    void anyOtherReasonForAMissingResultIsUnknown() {
        Finding finding = HARNESS.runSingle(FakeFacts.none().unavailable(PasswordFacts.PWNED, Cause.INTERNAL));

        assertThat(finding.status()).isEqualTo(Status.UNKNOWN);
    }
}
