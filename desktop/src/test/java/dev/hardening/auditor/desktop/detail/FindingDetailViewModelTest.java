package dev.hardening.auditor.desktop.detail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.RemediationStep;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.desktop.testing.RecordingDesktop;
import dev.hardening.auditor.desktop.testing.SampleReports;
import java.util.List;
import org.junit.jupiter.api.Test;

class FindingDetailViewModelTest {
    private final RecordingDesktop desktop = new RecordingDesktop();
    private final FindingDetailViewModel detail = new FindingDetailViewModel(SampleReports.catalog(), desktop, desktop);

    @Test
    void nothing_selected_shows_nothing() {
        assertThat(detail.emptyProperty().get()).isTrue();
        assertThat(detail.plainText()).isEmpty();
    }

    @Test
    void a_failure_shows_verdict_message_evidence_why_remediation_and_references() {
        detail.show(SampleReports.GITHUB_2FA_FAIL);

        assertThat(detail.emptyProperty().get()).isFalse();
        assertThat(detail.statusTextProperty().get()).isEqualTo("✖ FAIL");
        assertThat(detail.severityTextProperty().get()).isEqualTo("critical");
        assertThat(detail.checkLineProperty().get()).isEqualTo("github.2fa · evaluate: How strong the accounts are");
        assertThat(detail.showNeededProperty().get()).isFalse();
        assertThat(detail.plainText()).isEqualTo("""
                ✖ FAIL  critical  Two-factor authentication is off
                github:octo-demo
                github.2fa · evaluate: How strong the accounts are

                The account octo-demo signs in with a password alone.

                Evidence
                - two_factor_authentication: false (GET /user)

                Why it matters
                A password alone falls to reuse and phishing; whoever holds it can push and publish.
                - chalk/debug 2025: a phished maintainer published malware to 18 packages

                How to fix
                1. Turn on two-factor authentication with a security key
                   https://github.com/settings/security

                References
                - GitHub Docs: Configuring two-factor authentication: \
                https://docs.github.com/en/authentication/securing-your-account-with-two-factor-authentication-2fa
                """);
    }

    @Test
    void an_unknown_says_what_would_let_the_check_decide() {
        detail.show(SampleReports.BREACH_UNKNOWN);

        assertThat(detail.statusTextProperty().get()).isEqualTo("? UNKNOWN");
        assertThat(detail.showNeededProperty().get()).isTrue();
        assertThat(detail.neededProperty().get()).isEqualTo("an HIBP API key in HIBP_API_KEY");
        assertThat(detail.plainText()).contains("Needed to decide: an HIBP API key in HIBP_API_KEY");
    }

    @Test
    void a_check_without_metadata_has_no_why() {
        detail.show(SampleReports.SIGNING_KEYS_PASS);

        assertThat(detail.whyProperty().get()).isEmpty();
        assertThat(detail.incidents()).isEmpty();
        assertThat(detail.plainText()).doesNotContain("Why it matters");
    }

    @Test
    void remediation_falls_back_to_the_check_metadata() {
        Finding withoutSteps = new Finding("github.2fa", Status.FAIL, SampleReports.GITHUB_2FA_FAIL.severity(),
                SampleReports.GITHUB_2FA_FAIL.stage(), "github:other", "Two-factor authentication is off", "Off.", "",
                List.of(), List.of(), List.of());

        detail.show(withoutSteps);

        assertThat(detail.remediation()).containsExactly(RemediationStep.of("Turn on 2FA"));
    }

    @Test
    void clearing_the_selection_empties_everything() {
        detail.show(SampleReports.NPM_2FA_WARN);

        detail.show(null);

        assertThat(detail.emptyProperty().get()).isTrue();
        assertThat(detail.titleProperty().get()).isEmpty();
        assertThat(detail.evidence()).isEmpty();
        assertThat(detail.remediation()).isEmpty();
        assertThat(detail.references()).isEmpty();
    }

    @Test
    void copy_puts_the_command_on_the_clipboard() {
        detail.show(SampleReports.NPM_2FA_WARN);

        detail.copyCommand(detail.remediation().get(0));

        assertThat(desktop.copied()).containsExactly("npm profile enable-2fa auth-and-writes");
        assertThat(detail.noticeProperty().get())
                .isEqualTo("Copied to the clipboard: npm profile enable-2fa auth-and-writes");
    }

    @Test
    void a_step_without_command_copies_nothing() {
        detail.show(SampleReports.GITHUB_2FA_FAIL);

        detail.copyCommand(detail.remediation().get(0));

        assertThat(desktop.copied()).isEmpty();
    }

    @Test
    void only_web_links_are_opened() {
        assertThat(detail.openLink("https://github.com/settings/security")).isTrue();
        assertThat(detail.openLink("http://localhost:8080/docs")).isTrue();
        assertThat(detail.openLink("file:///etc/passwd")).isFalse();
        assertThat(detail.openLink("javascript:alert(1)")).isFalse();
        assertThat(detail.openLink("https://")).isFalse();
        assertThat(detail.openLink("")).isFalse();

        assertThat(desktop.opened()).containsExactly("https://github.com/settings/security", "http://localhost:8080/docs");
        assertThat(detail.noticeProperty().get()).isEqualTo("Not opened (not a web link): ");
    }
}
