package dev.hardening.auditor.desktop.main;

import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.audit.AuditRunViewModel;
import dev.hardening.auditor.desktop.checklist.ChecklistViewModel;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.concurrent.UiThread;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import dev.hardening.auditor.desktop.detail.FindingDetailViewModel;
import dev.hardening.auditor.desktop.system.LinkOpener;
import dev.hardening.auditor.desktop.system.TextClipboard;

/**
 * The audit screen's view models, wired together: a finished run fills the checklist, the
 * checklist's selection fills the detail pane. New screens (setup, team, history, export) get
 * their own view models next to these.
 */
public final class MainWindowViewModel {
    private final AuditRunViewModel auditRun;
    private final ChecklistViewModel checklist = new ChecklistViewModel();
    private final FindingDetailViewModel detail;

    public MainWindowViewModel(AuditLauncher launcher, TaskExecutor tasks, UiThread uiThread, CheckCatalog catalog,
                               LinkOpener links, TextClipboard clipboard) {
        this.auditRun = new AuditRunViewModel(launcher, tasks, uiThread);
        this.detail = new FindingDetailViewModel(catalog, links, clipboard);
        auditRun.reportProperty().addListener((observable, was, report) -> {
            if (report != null) {
                checklist.show(report);
            }
        });
        checklist.selectedFindingProperty().addListener((observable, was, finding) -> detail.show(finding));
    }

    public AuditRunViewModel auditRun() {
        return auditRun;
    }

    public ChecklistViewModel checklist() {
        return checklist;
    }

    public FindingDetailViewModel detail() {
        return detail;
    }
}
