package dev.hardening.auditor.desktop;

import dev.hardening.auditor.core.attest.FileAttestationStore;
import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.config.AppDirectories;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.http.HttpSettings;
import dev.hardening.auditor.core.passwords.PasswordVerdict;
import dev.hardening.auditor.core.secrets.Argon2Parameters;
import dev.hardening.auditor.core.secrets.CredentialStores;
import dev.hardening.auditor.core.secrets.SecretRedactor;
import dev.hardening.auditor.desktop.attest.AttestationViewModel;
import dev.hardening.auditor.desktop.audit.BackgroundOnlyAuditLauncher;
import dev.hardening.auditor.desktop.audit.ConfiguredAuditLauncher;
import dev.hardening.auditor.desktop.audit.DemoAuditLauncher;
import dev.hardening.auditor.desktop.concurrent.FxTaskExecutor;
import dev.hardening.auditor.desktop.concurrent.FxUiThread;
import dev.hardening.auditor.desktop.concurrent.UiThreadGuard;
import dev.hardening.auditor.desktop.detail.CheckCatalog;
import dev.hardening.auditor.desktop.export.ReportExporter;
import dev.hardening.auditor.desktop.export.SigningKeySource;
import dev.hardening.auditor.desktop.history.SqliteSnapshotArchive;
import dev.hardening.auditor.desktop.main.DesktopServices;
import dev.hardening.auditor.desktop.main.FxToolDialogs;
import dev.hardening.auditor.desktop.main.MainWindowView;
import dev.hardening.auditor.desktop.main.MainWindowViewModel;
import dev.hardening.auditor.desktop.password.PasswordCheckViewModel;
import dev.hardening.auditor.desktop.password.PwnedPasswordsService;
import dev.hardening.auditor.desktop.screenshot.ScreenshotMode;
import dev.hardening.auditor.desktop.setup.CredentialVault;
import dev.hardening.auditor.desktop.setup.SetupFields;
import dev.hardening.auditor.desktop.setup.SetupPreferences;
import dev.hardening.auditor.desktop.system.FxFileDialogs;
import dev.hardening.auditor.desktop.system.HostServicesLinkOpener;
import dev.hardening.auditor.desktop.system.SystemTextClipboard;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
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
    private FxTaskExecutor tasks;
    private MainWindowViewModel viewModel;
    private Path demoDirectory;

    /** The process exit status after the app has ended (set by the screenshot mode). */
    public static int exitStatus() {
        return EXIT_STATUS.get();
    }

    /** Runs on the launcher thread, not the FX thread: loading check metadata reads resources. */
    @Override
    public void init() {
        options = LaunchOptions.parse(getParameters().getRaw());
        try {
            registry = CheckRegistryPreload.await();
        } catch (RuntimeException e) {
            registry = CheckRegistry.of(List.of());
            registryProblem = e.getMessage();
        }
    }

    @Override
    public void start(Stage stage) {
        tasks = new FxTaskExecutor();
        UiThreadGuard guard = UiThreadGuard.fx();
        SecretRedactor redactor = new SecretRedactor();
        Map<String, String> environment = System.getenv();
        AppDirectories directories = AppDirectories.current();
        boolean shooting = options.screenshot().isPresent() || options.screenshots().isPresent();
        // The demo keeps its snapshots apart from the user's, in a directory removed on exit.
        demoDirectory = Path.of(System.getProperty("java.io.tmpdir"),
                "maintainer-hardening-auditor-demo-" + ProcessHandle.current().pid());
        Path realDatabase = directories.data().resolve("snapshots.db");

        CredentialVault vault = new CredentialVault(passphrases -> CredentialStores.auto(
                directories.config().resolve("credentials.json"), passphrases, Argon2Parameters.recommended(),
                new SecureRandom()), environment, guard);
        DesktopServices services = new DesktopServices(tasks, new FxUiThread(), CheckCatalog.of(registry),
                new HostServicesLinkOpener(getHostServices()), new SystemTextClipboard(),
                BackgroundOnlyAuditLauncher.offFxThread(new DemoAuditLauncher(registry)),
                plan -> BackgroundOnlyAuditLauncher.offFxThread(new ConfiguredAuditLauncher(registry, plan, vault,
                        environment, HttpSettings.defaults().withCacheDir(directories.httpCache()),
                        LocalSources::thisMachine, Optional.of(realDatabase), redactor)),
                vault,
                shooting ? SetupPreferences.inMemory(SetupFields.empty())
                        : SetupPreferences.file(directories.config().resolve("desktop-setup.json"), guard),
                new SqliteSnapshotArchive(realDatabase, redactor, guard),
                new SqliteSnapshotArchive(demoDirectory.resolve("snapshots.db"), redactor, guard),
                SigningKeySource.installation(directories.data().resolve("signing-key.json")),
                SigningKeySource.throwaway(),
                new ReportExporter(registry.catalog(), redactor, guard), ZoneId.systemDefault());
        viewModel = new MainWindowViewModel(services);
        viewModel.appearance().themeProperty().set(options.theme());
        viewModel.appearance().textScaleProperty().set(options.textScale());

        FxToolDialogs dialogs = new FxToolDialogs(stage,
                () -> new PasswordCheckViewModel(new PwnedPasswordsService(environment), tasks,
                        result -> PasswordVerdict.of(registry, result, Clock.systemUTC())),
                () -> new AttestationViewModel(FileAttestationStore.in(directories), tasks, Clock.systemUTC()),
                viewModel.appearance());
        MainWindowView view = new MainWindowView(viewModel, new FxFileDialogs(() -> stage), dialogs);
        Scene scene = view.createScene(1280, 820);
        stage.setTitle("Maintainer Hardening Auditor");
        stage.setScene(scene);
        stage.setMinWidth(720);
        stage.setMinHeight(480);
        if (options.startupTime()) {
            stage.setOnShown(event -> reportStartup());
        }
        stage.show();
        view.focusScreen();
        viewModel.load();
        if (!registryProblem.isEmpty()) {
            Alert alert = new Alert(Alert.AlertType.WARNING, "The checks could not be loaded, so audits will be empty.\n\n"
                    + registryProblem);
            alert.setHeaderText("Invalid check metadata");
            alert.show();
        }
        options.screenshot().ifPresent(file -> new ScreenshotMode(viewModel, view, scene, dialogs, tasks, this::exitWith)
                .single(file));
        options.screenshots().ifPresent(dir -> new ScreenshotMode(viewModel, view, scene, dialogs, tasks, this::exitWith)
                .everyScreen(dir));
        if (options.runDemo()) {
            viewModel.tryDemo();
        } else if (!options.welcome() && !options.startupTime()) {
            viewModel.tryDemoOnFirstLaunch();
        }
    }

    /** The time from the JVM's start to the first window on screen, then exit. */
    private void reportStartup() {
        long millis = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println("startup: first window shown " + millis + " ms after the JVM started");
        Platform.runLater(() -> exitWith(0));
    }

    @Override
    public void stop() {
        if (viewModel != null) {
            viewModel.shutdown();
        }
        if (tasks != null) {
            tasks.shutdown();
        }
        deleteDemoDirectory();
    }

    private void deleteDemoDirectory() {
        if (demoDirectory == null || !Files.isDirectory(demoDirectory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(demoDirectory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    // A leftover file in the temporary directory is harmless.
                }
            });
        } catch (IOException e) {
            // Same.
        }
    }

    private void exitWith(int status) {
        EXIT_STATUS.set(status);
        Platform.exit();
    }
}
