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

    /**
     * The demo world's real report from a launcher without an engine, the real check catalog and a
     * real SQLite demo database in {@code dir} (guarded against the FX thread by {@link FxWindow}).
     */
    public static TestServices demoReportWithDatabase(java.nio.file.Path dir) {
        TestServices services = new TestServices(new FakeAuditLauncher(DemoReport.get(), List.of(
                new dev.hardening.auditor.core.engine.ProgressEvent.AuditStarted(1),
                new dev.hardening.auditor.core.engine.ProgressEvent.AuditFinished(false, DemoReport.get().findings().size()))));
        services.catalog = DemoReport.catalog();
        services.databaseDir = dir;
        return services;
    }

    /** When set, the demo database is a real SQLite file in this directory. */
    public java.nio.file.Path databaseDir;

    public TestServices(AuditLauncher demoLauncher) {
        this.demoLauncher = demoLauncher;
        this.realLauncher = plan -> demoLauncher;
    }

    public CredentialVault vault() {
        return new CredentialVault(passphrases -> credentials, environment, guard);
    }

    public DesktopServices build() {
        if (databaseDir != null) {
            demo = new dev.hardening.auditor.desktop.history.SqliteSnapshotArchive(databaseDir.resolve("snapshots.db"),
                    new SecretRedactor(), guard);
        }
        return new DesktopServices(tasks, uiThread, catalog, desktop, desktop, demoLauncher, realLauncher, vault(),
                preferences, real, demo, keys, keys, new ReportExporter(databaseDir == null ? List.of() : DemoReport.registry().catalog(), new SecretRedactor(), guard),
                ZoneOffset.UTC);
    }
}
