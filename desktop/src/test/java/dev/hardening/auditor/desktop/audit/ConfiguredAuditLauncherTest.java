package dev.hardening.auditor.desktop.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.config.Endpoints;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.engine.ProgressListener;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.model.AuditTargets;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.secrets.Secret;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.setup.AuditPlan;
import dev.hardening.auditor.desktop.setup.CredentialSlot;
import dev.hardening.auditor.desktop.setup.CredentialVault;
import dev.hardening.auditor.desktop.testing.DemoReport;
import dev.hardening.auditor.desktop.testing.InMemoryCredentialStore;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A real audit from the Setup plan hands the stored token to the engine and registers it with the
 * app's redactor, so no export can contain it. The API base URL is a closed loopback port: the audit
 * reaches no network and ends with UNKNOWN findings.
 */
class ConfiguredAuditLauncherTest {
    private static final String TOKEN = "ghp_LauncherTestToken0123456789abcdefABC";

    @Test
    void the_stored_token_is_registered_with_the_redactor_and_never_in_the_report() throws Exception {
        InMemoryCredentialStore keychain = new InMemoryCredentialStore();
        CredentialVault vault = new CredentialVault(p -> keychain, Map.of(), UiThreadGuard.none());
        try (Secret token = Secret.of(TOKEN)) {
            vault.save(CredentialSlot.GITHUB, token);
        }
        SecretRedactor redactor = new SecretRedactor();
        AuditPlan plan = new AuditPlan(new AuditTargets(List.of("quill-dev"), List.of(), List.of(), List.of(), List.of(),
                List.of(), List.of(), false), Optional.empty());
        Map<String, String> environment = Map.of(Endpoints.GITHUB_API_URL, "http://127.0.0.1:1",
                Endpoints.NPM_REGISTRY_URL, "http://127.0.0.1:1", Endpoints.PYPI_URL, "http://127.0.0.1:1",
                Endpoints.HIBP_URL, "http://127.0.0.1:1", Endpoints.RDAP_URL, "http://127.0.0.1:1");
        ConfiguredAuditLauncher launcher = new ConfiguredAuditLauncher(DemoReport.registry(), plan, vault, environment,
                HttpSettings.defaults(), LocalSources::none, Optional.empty(), redactor);

        AuditReport report = launcher.start(ProgressListener.NONE).report().get(120, TimeUnit.SECONDS);

        assertThat(redactor.redact("a token " + TOKEN + " in a message")).doesNotContain(TOKEN);
        assertThat(report.demo()).isFalse();
        assertThat(report.findings()).isNotEmpty();
        assertThat(report.toString()).doesNotContain(TOKEN);
    }
}
