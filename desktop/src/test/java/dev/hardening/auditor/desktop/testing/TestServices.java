package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.concurrent.CurrentThreadTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThread;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import dev.hardening.auditor.desktop.export.ReportExporter;
import dev.hardening.auditor.desktop.export.SigningKeySource;
import dev.hardening.auditor.desktop.history.SnapshotArchive;
import dev.hardening.auditor.desktop.main.DesktopServices;
import dev.hardening.auditor.desktop.setup.AuditPlan;
import dev.hardening.auditor.desktop.setup.CredentialVault;
import dev.hardening.auditor.desktop.setup.SetupFields;
import dev.hardening.auditor.desktop.setup.SetupPreferences;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** Services for the window's view models: fakes everywhere, the given launcher as the demo. */
public final class TestServices {
    public final RecordingDesktop desktop = new RecordingDesktop();
    public final InMemoryCredentialStore credentials = new InMemoryCredentialStore();
    public final InMemoryArchive realArchive = new InMemoryArchive("the test database");
    public final InMemoryArchive demoArchive = new InMemoryArchive("the demo database");
    public TaskExecutor tasks = new CurrentThreadTaskExecutor();
    public UiThread uiThread = UiThread.direct();
    public UiThreadGuard guard = UiThreadGuard.none();
    public CheckCatalog catalog = SampleReports.catalog();
    public AuditLauncher demoLauncher;
    public Function<AuditPlan, AuditLauncher> realLauncher;
    public Map<String, String> environment = Map.of();
    public SetupPreferences preferences = SetupPreferences.inMemory(SetupFields.empty());
    public SigningKeySource keys = SigningKeySource.throwaway();
    public SnapshotArchive real = realArchive;
    public SnapshotArchive demo = demoArchive;

    public TestServices(AuditLauncher demoLauncher) {
        this.demoLauncher = demoLauncher;
        this.realLauncher = plan -> demoLauncher;
    }

    public CredentialVault vault() {
        return new CredentialVault(passphrases -> credentials, environment, guard);
    }

    public DesktopServices build() {
        return new DesktopServices(tasks, uiThread, catalog, desktop, desktop, demoLauncher, realLauncher, vault(),
                preferences, real, demo, keys, keys, new ReportExporter(List.of(), new SecretRedactor(), guard),
                ZoneOffset.UTC);
    }
}
