package dev.hardening.auditor.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.desktop.testing.FakeAuditLauncher;
import org.junit.jupiter.api.Test;

class BackgroundOnlyAuditLauncherTest {

    @Test
    void refuses_to_start_on_the_ui_thread() {
        FakeAuditLauncher delegate = FakeAuditLauncher.completing();
        AuditLauncher guarded = new BackgroundOnlyAuditLauncher(delegate, () -> true);

        assertThatThrownBy(() -> guarded.start(ProgressListener.NONE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("UI thread");
        assertThat(delegate.starts()).isZero();
    }

    @Test
    void starts_on_any_other_thread() {
        FakeAuditLauncher delegate = FakeAuditLauncher.completing();
        AuditLauncher guarded = new BackgroundOnlyAuditLauncher(delegate, () -> false);

        AuditHandle handle = guarded.start(ProgressListener.NONE);

        assertThat(handle.report()).isCompleted();
        assertThat(delegate.starts()).isEqualTo(1);
    }
}
