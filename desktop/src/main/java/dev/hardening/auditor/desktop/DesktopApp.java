package dev.hardening.auditor.desktop;

import dev.hardening.auditor.core.attest.FileAttestationStore;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.config.AppDirectories;
import dev.hardening.auditor.core.passwords.PasswordVerdict;
import dev.hardening.auditor.desktop.attest.AttestationView;
import dev.hardening.auditor.desktop.attest.AttestationViewModel;
import dev.hardening.auditor.desktop.audit.AuditLauncher;
import dev.hardening.auditor.desktop.audit.BackgroundOnlyAuditLauncher;
import dev.hardening.auditor.desktop.audit.DemoAuditLauncher;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.FxUiThread;
import dev.hardening.auditor.desktop.concurrent.TaskExecutor;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import dev.hardening.auditor.desktop.main.MainWindowView;
import dev.hardening.auditor.desktop.main.MainWindowViewModel;
import dev.hardening.auditor.desktop.password.PasswordCheckView;
import dev.hardening.auditor.desktop.password.PasswordCheckViewModel;
import dev.hardening.auditor.desktop.password.PwnedPasswordsService;
import dev.hardening.auditor.desktop.screenshot.ScreenshotMode;
import dev.hardening.auditor.desktop.system.HostServicesLinkOpener;
import dev.hardening.auditor.desktop.system.SystemTextClipboard;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

/** The JavaFX application: the composition root that builds the services, view models and window. */
public final class DesktopApp extends Application {
    private static final AtomicInteger EXIT_STATUS = new AtomicInteger();

    private LaunchOptions options;
    private CheckRegistry registry;
    private String registryProblem = "";
    private TaskExecutor tasks;
    private MainWindowViewModel viewModel;

    /** The process exit status after the app has ended (set by the screenshot mode). */
    public static int exitStatus() {
        return EXIT_STATUS.get();
    }

    /** Runs on the launcher thread, not the FX thread: loading check metadata reads resources. */
    @Override
    public void init() {
        options = LaunchOptions.parse(getParameters().getRaw());
        try {
            registry = CheckRegistry.load();
        } catch (RuntimeException e) {
            registry = CheckRegistry.of(List.of());
            registryProblem = e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskExecutor();
        AuditLauncher launcher = BackgroundOnlyAuditLauncher.offFxThread(new DemoAuditLauncher(registry));
        viewModel = new MainWindowViewModel(launcher, tasks, new FxUiThread(), CheckCatalog.of(registry),
                new HostServicesLinkOpener(getHostServices()), new SystemTextClipboard());
        MainWindowView view = new MainWindowView(viewModel,
                () -> PasswordCheckView.dialog(new PasswordCheckViewModel(new PwnedPasswordsService(System.getenv()), tasks,
                        result -> PasswordVerdict.of(registry, result, Clock.systemUTC())), stage).show(),
                () -> AttestationView.dialog(new AttestationViewModel(FileAttestationStore.in(AppDirectories.current()), tasks,
                        Clock.systemUTC()), stage).show());
        Scene scene = view.createScene(1280, 800);
        stage.setTitle("Maintainer Hardening Auditor");
        stage.setScene(scene);
        stage.show();
        view.focusChecklist();
        if (!registryProblem.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.WARNING, "The checks could not be loaded, so audits will be empty.\n\n"
                    + registryProblem);
            alert.setHeaderText("Invalid check metadata");
            alert.show();
        }
        options.screenshot().ifPresent(file ->
                new ScreenshotMode(viewModel, scene, tasks, file, this::exitWith).arm());
        if (options.runDemo()) {
            viewModel.auditRun().start();
        }
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.auditRun().shutdown();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
    }

    private void exitWith(int status) {
        EXIT_STATUS.set(status);
        Platform.exit();
    }
}
