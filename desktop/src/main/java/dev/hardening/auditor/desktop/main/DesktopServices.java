package dev.hardening.auditor.desktop.main;

import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThread;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import dev.hardening.auditor.desktop.export.ReportExporter;
import dev.hardening.auditor.desktop.export.SigningKeySource;
import dev.hardening.auditor.desktop.history.SnapshotArchive;
import dev.hardening.auditor.desktop.setup.AuditPlan;
import dev.hardening.auditor.desktop.setup.CredentialVault;
import dev.hardening.auditor.desktop.setup.SetupPreferences;
import dev.hardening.auditor.desktop.system.LinkOpener;
import dev.hardening.auditor.desktop.system.TextClipboard;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Function;

/**
 * What the window's view models are built from: the app's composition root ({@code DesktopApp})
 * makes the real ones, tests make fakes. Every launcher and store here keeps I/O off the UI thread.
 *
 * @param demoLauncher   runs the bundled demo world
 * @param realLauncher   runs the audit of a Setup plan
 * @param realArchive    the snapshot database of real audits (shared with the command line)
 * @param demoArchive    the demo's own throwaway snapshot database
 * @param installationKey the key real snapshots are signed with
 * @param demoKey        the key demo snapshots are signed with (made for the session)
 */
public record DesktopServices(TaskExecutor tasks, UiThread uiThread, CheckCatalog catalog, LinkOpener links,
                              TextClipboard clipboard, AuditLauncher demoLauncher,
                              Function<AuditPlan, AuditLauncher> realLauncher, CredentialVault vault,
                              SetupPreferences preferences, SnapshotArchive realArchive, SnapshotArchive demoArchive,
                              SigningKeySource installationKey, SigningKeySource demoKey, ReportExporter exporter,
                              ZoneId zone) {
    public DesktopServices {
        Objects.requireNonNull(tasks, "tasks");
        Objects.requireNonNull(uiThread, "uiThread");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(clipboard, "clipboard");
        Objects.requireNonNull(demoLauncher, "demoLauncher");
        Objects.requireNonNull(realLauncher, "realLauncher");
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(preferences, "preferences");
        Objects.requireNonNull(realArchive, "realArchive");
        Objects.requireNonNull(demoArchive, "demoArchive");
        Objects.requireNonNull(installationKey, "installationKey");
        Objects.requireNonNull(demoKey, "demoKey");
        Objects.requireNonNull(exporter, "exporter");
        Objects.requireNonNull(zone, "zone");
    }
}
