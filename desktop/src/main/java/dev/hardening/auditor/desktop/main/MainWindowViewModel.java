package dev.hardening.auditor.desktop.main;

import dev.hardening.auditor.core.model.CheckMetadata;
import dev.hardening.auditor.core.report.AuditReport;
import dev.hardening.auditor.core.store.SnapshotSummary;
import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.audit.AuditRunViewModel;
import dev.hardening.auditor.desktop.checklist.ChecklistViewModel;
import dev.hardening.auditor.desktop.concurrent.BackgroundTask;
import dev.hardening.auditor.desktop.detail.FindingDetailViewModel;
import dev.hardening.auditor.desktop.export.ExportViewModel;
import dev.hardening.auditor.desktop.export.SigningKeySource;
import dev.hardening.auditor.desktop.history.DemoHistory;
import dev.hardening.auditor.desktop.history.HistoryViewModel;
import dev.hardening.auditor.desktop.history.SnapshotArchive;
import dev.hardening.auditor.desktop.setup.AuditPlan;
import dev.hardening.auditor.desktop.setup.SetupFields;
import dev.hardening.auditor.desktop.setup.SetupViewModel;
import dev.hardening.auditor.desktop.team.TeamMatrixViewModel;
import dev.hardening.auditor.desktop.theme.AppearanceViewModel;
import java.util.Optional;
import java.util.Set;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The window's view models, wired together: Setup starts the demo or a real audit, the Run screen
 * follows it, a finished report fills the checklist, the team matrix and the exports and is kept as
 * a snapshot for the history; the checklist's selection fills the detail pane.
 */
public final class MainWindowViewModel {
    private final DesktopServices services;
    private final SetupViewModel setup;
    private final AuditRunViewModel auditRun;
    private final ChecklistViewModel checklist = new ChecklistViewModel();
    private final FindingDetailViewModel detail;
    private final TeamMatrixViewModel team;
    private final HistoryViewModel history;
    private final ExportViewModel export;
    private final AppearanceViewModel appearance = new AppearanceViewModel();
    private final ObjectProperty<Screen> screen = new SimpleObjectProperty<>(Screen.SETUP);
    private final ReadOnlyObjectWrapper<World> world = new ReadOnlyObjectWrapper<>(World.NONE);
    private final BooleanProperty keepSnapshots = new SimpleBooleanProperty(true);
    private final ReadOnlyStringWrapper snapshotMessage = new ReadOnlyStringWrapper("");
    /** The world of the running audit: its report belongs there even if the user switches meanwhile. */
    private World runningWorld = World.NONE;

    public MainWindowViewModel(DesktopServices services) {
        this.services = services;
        this.setup = new SetupViewModel(services.vault(), services.preferences(), services.tasks(), services.links());
        this.auditRun = new AuditRunViewModel(services.demoLauncher(), services.tasks(), services.uiThread(),
                checkId -> services.catalog().find(checkId).map(CheckMetadata::platforms).orElse(Set.of()));
        this.detail = new FindingDetailViewModel(services.catalog(), services.links(), services.clipboard());
        this.team = new TeamMatrixViewModel(services.tasks(), this::archive);
        this.history = new HistoryViewModel(services.tasks(), this::archive, services.zone());
        this.export = new ExportViewModel(services.tasks(), services.exporter(), this::archive, this::signingKey);
        auditRun.reportProperty().addListener((observable, was, report) -> {
            if (report != null) {
                finished(report);
            }
        });
        checklist.selectedFindingProperty().addListener((observable, was, finding) -> detail.show(finding));
    }

    /** Reads what the Setup screen needs (remembered targets, where credentials are) and the history. */
    public void load() {
        setup.load();
        history.refresh();
    }

    /** "Try the demo": the full engine on the bundled world, offline. */
    public void tryDemo() {
        start(World.DEMO, services.demoLauncher(), "the demo world (bundled, offline; a fictional maintainer)");
    }

    /**
     * A newcomer's first launch opens on the demo: it starts when no targets are remembered (and no
     * audit was started meanwhile); otherwise the window stays on Welcome with the remembered targets.
     */
    public void tryDemoOnFirstLaunch() {
        services.tasks().execute(BackgroundTask.of("Read the setup", services.preferences()::load).onSuccess(fields -> {
            if (SetupFields.empty().equals(fields) && runningWorld == World.NONE && !auditRun.runningProperty().get()) {
                tryDemo();
            }
        }));
    }

    /** Runs the audit the Setup screen describes; stays on Setup (with the reason) when it describes none. */
    public boolean runAudit() {
        Optional<AuditPlan> plan = setup.plan();
        if (plan.isEmpty()) {
            screen.set(Screen.SETUP);
            return false;
        }
        return start(World.REAL, services.realLauncher().apply(plan.get()), plan.get().describe());
    }

    /** Ctrl+R: the last audit again, or the demo when none ran. */
    public void runAgain() {
        if (runningWorld == World.NONE) {
            tryDemo();
        } else if (auditRun.restart()) {
            screen.set(Screen.RUN);
        }
    }

    private boolean start(World target, AuditLauncher launcher, String what) {
        // The Run screen first: an audit that completes at once (a fast executor) then opens the checklist.
        screen.set(Screen.RUN);
        if (!auditRun.start(launcher, what)) {
            return false;
        }
        runningWorld = target;
        return true;
    }

    private void finished(AuditReport report) {
        World from = report.demo() ? World.DEMO : World.REAL;
        boolean switched = world.get() != from;
        world.set(from);
        checklist.show(report);
        team.showReport(report);
        export.show(report, null);
        boolean cancelled = report.metadata() != null && report.metadata().cancelled();
        if (!cancelled && screen.get() == Screen.RUN) {
            screen.set(Screen.CHECKLIST);
        }
        if (cancelled || !keepSnapshots.get()) {
            snapshotMessage.set(cancelled ? "A cancelled audit is not kept as a snapshot." : "Not kept as a snapshot.");
            if (switched) {
                history.refresh();
            }
            return;
        }
        SnapshotArchive target = archive();
        String policy = auditRun.policySha256();
        services.tasks().execute(BackgroundTask.<Optional<SnapshotSummary>>of("Keep the snapshot", () -> {
            return Optional.of(report.demo() ? DemoHistory.record(target, report, policy) : target.save(report, policy));
        }).onSuccess(latest -> {
            if (auditRun.reportProperty().get() == report) {
                latest.ifPresent(s -> export.stored(s.id()));
            }
            snapshotMessage.set(latest.map(s -> "Kept as snapshot " + s.id() + " in " + target.describe() + ".").orElse(""));
            history.refresh();
        }).onFailure(error -> snapshotMessage.set("The audit could not be kept as a snapshot: "
                + (error.getMessage() == null ? error.getClass().getSimpleName() : error.getMessage()) + ".")));
    }

    /** The snapshot database of the world on screen. */
    public SnapshotArchive archive() {
        return world.get() == World.DEMO ? services.demoArchive() : services.realArchive();
    }

    private SigningKeySource signingKey() {
        return world.get() == World.DEMO ? services.demoKey() : services.installationKey();
    }

    /** The app is closing: stops a running audit and forgets the session's passphrase. */
    public void shutdown() {
        auditRun.shutdown();
        services.vault().lock();
    }

    public SetupViewModel setup() {
        return setup;
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

    public TeamMatrixViewModel team() {
        return team;
    }

    public HistoryViewModel history() {
        return history;
    }

    public ExportViewModel export() {
        return export;
    }

    public AppearanceViewModel appearance() {
        return appearance;
    }

    /** The screen shown. */
    public ObjectProperty<Screen> screenProperty() {
        return screen;
    }

    public ReadOnlyObjectProperty<World> worldProperty() {
        return world.getReadOnlyProperty();
    }

    /** Whether each completed audit is kept as a snapshot (for the history and signed exports). */
    public BooleanProperty keepSnapshotsProperty() {
        return keepSnapshots;
    }

    /** Where the last audit was kept, or why not. */
    public ReadOnlyStringProperty snapshotMessageProperty() {
        return snapshotMessage.getReadOnlyProperty();
    }
}
