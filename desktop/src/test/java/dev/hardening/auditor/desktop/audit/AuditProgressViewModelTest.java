package dev.hardening.auditor.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.engine.ProgressEvent;
import dev.hardening.auditor.core.model.Platform;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuditProgressViewModelTest {
    private final AuditProgressViewModel progress = new AuditProgressViewModel();

    @BeforeEach
    void newAudit() {
        progress.reset();
    }

    @Test
    void before_the_engine_reports_the_bar_is_indeterminate() {
        assertThat(progress.progressProperty().get()).isEqualTo(AuditProgressViewModel.INDETERMINATE);
        assertThat(progress.statusLineProperty().get()).isEqualTo("Starting the audit…");
    }

    @Test
    void finished_checks_map_to_the_fraction_done() {
        progress.apply(new ProgressEvent.AuditStarted(4));
        assertThat(progress.progressProperty().get()).isZero();
        assertThat(progress.statusLineProperty().get()).isEqualTo("0 of 4 checks done");

        progress.apply(new ProgressEvent.CheckStarted("github.2fa", 0, 4));
        progress.apply(new ProgressEvent.CheckFinished("github.2fa", 1, 4));

        assertThat(progress.progressProperty().get()).isEqualTo(0.25);
        assertThat(progress.completedChecksProperty().get()).isEqualTo(1);
        assertThat(progress.totalChecksProperty().get()).isEqualTo(4);
        assertThat(progress.statusLineProperty().get()).isEqualTo("1 of 4 checks done");
    }

    @Test
    void counts_arriving_out_of_order_never_move_the_bar_backwards() {
        progress.apply(new ProgressEvent.AuditStarted(4));
        progress.apply(new ProgressEvent.CheckFinished("b", 3, 4));
        progress.apply(new ProgressEvent.CheckFinished("a", 2, 4));

        assertThat(progress.progressProperty().get()).isEqualTo(0.75);
        assertThat(progress.statusLineProperty().get()).isEqualTo("3 of 4 checks done");
    }

    @Test
    void requests_in_flight_are_shown_per_source() {
        progress.apply(new ProgressEvent.AuditStarted(10));
        progress.apply(new ProgressEvent.FetchStarted(Platform.GITHUB, "GET /user"));
        progress.apply(new ProgressEvent.FetchStarted(Platform.GITHUB, "GET /user/keys"));
        progress.apply(new ProgressEvent.FetchStarted(Platform.NPM, "GET /-/npm/v1/user"));

        assertThat(progress.fetchesInFlight()).isEqualTo(Map.of(Platform.GITHUB, 2, Platform.NPM, 1));
        assertThat(progress.statusLineProperty().get()).isEqualTo("0 of 10 checks done · fetching GitHub 2, npm 1");

        progress.apply(new ProgressEvent.FetchFinished(Platform.GITHUB, "GET /user", true));
        progress.apply(new ProgressEvent.FetchFinished(Platform.NPM, "GET /-/npm/v1/user", false));

        assertThat(progress.fetchesInFlight()).isEqualTo(Map.of(Platform.GITHUB, 1));
        assertThat(progress.statusLineProperty().get())
                .isEqualTo("0 of 10 checks done · fetching GitHub 1 · 1 request failed");
    }

    @Test
    void a_requested_cancel_is_shown_until_the_report_arrives() {
        progress.apply(new ProgressEvent.AuditStarted(2));
        progress.cancelling();
        assertThat(progress.statusLineProperty().get()).isEqualTo("Cancelling… · 0 of 2 checks done");

        progress.finished("Cancelled: 1 finding kept.");
        assertThat(progress.statusLineProperty().get()).isEqualTo("Cancelled: 1 finding kept.");
        assertThat(progress.progressProperty().get()).isEqualTo(1.0);
    }

    @Test
    void a_finished_audit_clears_requests_in_flight() {
        progress.apply(new ProgressEvent.FetchStarted(Platform.PYPI, "GET /pypi/demo/json"));
        progress.apply(new ProgressEvent.AuditFinished(false, 0));
        assertThat(progress.fetchesInFlight()).isEmpty();
    }

    @Test
    void a_failure_empties_the_bar_and_says_why() {
        progress.failed("The audit could not run: no network");
        assertThat(progress.progressProperty().get()).isZero();
        assertThat(progress.statusLineProperty().get()).isEqualTo("The audit could not run: no network");
    }
}
