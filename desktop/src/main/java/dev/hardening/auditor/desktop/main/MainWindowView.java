package dev.hardening.auditor.desktop.main;

import dev.hardening.auditor.desktop.audit.AuditRunViewModel;
import dev.hardening.auditor.desktop.checklist.ChecklistView;
import dev.hardening.auditor.desktop.detail.FindingDetailView;
import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToolBar;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The main window: toolbar (run, cancel, score), DEMO banner, progress line, and the audit screen
 * (checklist beside the detail pane).
 */
public final class MainWindowView extends BorderPane {
    public static final String STYLESHEET = "/dev/hardening/auditor/desktop/app.css";
    public static final KeyCombination RUN_SHORTCUT = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination CANCEL_SHORTCUT = new KeyCodeCombination(KeyCode.ESCAPE);

    private final MainWindowViewModel viewModel;
    private final ChecklistView checklistView;
    private final Runnable openPasswordCheck;
    private final Runnable openAttestation;

    public MainWindowView(MainWindowViewModel viewModel) {
        this(viewModel, null, null);
    }

    /**
     * @param openPasswordCheck opens the password check dialog; null for no button
     * @param openAttestation   opens the second-factor declaration dialog; null for no button
     */
    public MainWindowView(MainWindowViewModel viewModel, Runnable openPasswordCheck, Runnable openAttestation) {
        this.viewModel = viewModel;
        this.openPasswordCheck = openPasswordCheck;
        this.openAttestation = openAttestation;
        getStyleClass().add("main-window");
        this.checklistView = new ChecklistView(viewModel.checklist());
        FindingDetailView detailView = new FindingDetailView(viewModel.detail());
        SplitPane screen = new SplitPane(checklistView, detailView);
        screen.setId("auditScreen");
        screen.setDividerPositions(0.58);
        setTop(new VBox(toolbar(), demoBanner(), progressLine()));
        setCenter(screen);
    }

    /** A scene with the app's stylesheet and keyboard shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(this, width, height);
        scene.getStylesheets().add(Objects.requireNonNull(getClass().getResource(STYLESHEET), STYLESHEET)
                .toExternalForm());
        AuditRunViewModel run = viewModel.auditRun();
        scene.getAccelerators().put(RUN_SHORTCUT, run::start);
        scene.getAccelerators().put(CANCEL_SHORTCUT, run::cancel);
        return scene;
    }

    /** Gives the checklist the keyboard focus, so arrow keys move through the findings. */
    public void focusChecklist() {
        checklistView.table().requestFocus();
    }

    private ToolBar toolbar() {
        AuditRunViewModel run = viewModel.auditRun();
        Button runDemo = new Button("_Run demo audit");
        runDemo.setId("runDemo");
        runDemo.getStyleClass().add("run-button");
        runDemo.disableProperty().bind(run.canStartProperty().not());
        runDemo.setOnAction(event -> run.start());
        runDemo.setAccessibleHelp("Runs every check against the bundled offline demo world (Ctrl+R)");

        Button cancel = new Button("_Cancel");
        cancel.setId("cancel");
        cancel.disableProperty().bind(run.canCancelProperty().not());
        cancel.setOnAction(event -> run.cancel());
        cancel.setAccessibleHelp("Stops the audit; finished findings are kept (Escape)");

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label score = new Label();
        score.setId("score");
        score.getStyleClass().add("score");
        score.textProperty().bind(viewModel.checklist().scoreTextProperty());
        score.visibleProperty().bind(viewModel.checklist().hasReportProperty());
        ToolBar bar = new ToolBar(runDemo, cancel, new Separator(Orientation.VERTICAL));
        if (openPasswordCheck != null) {
            Button password = new Button("_Password check…");
            password.setId("openPasswordCheck");
            password.setOnAction(event -> openPasswordCheck.run());
            password.setAccessibleHelp("Checks a password against known breaches; only 5 characters of its hash leave the computer");
            bar.getItems().add(password);
        }
        if (openAttestation != null) {
            Button attest = new Button("_Declare 2FA…");
            attest.setId("openAttestation");
            attest.setOnAction(event -> openAttestation.run());
            attest.setAccessibleHelp("Declares which second factor protects your GitHub, npm and PyPI accounts");
            bar.getItems().add(attest);
        }
        bar.getItems().addAll(spacer, score);
        return bar;
    }

    private Label demoBanner() {
        Label banner = new Label("DEMO — a fictional maintainer in the bundled offline demo world. "
                + "No real account was read.");
        banner.setId("demoBanner");
        banner.getStyleClass().add("demo-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.visibleProperty().bind(viewModel.checklist().demoProperty());
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox progressLine() {
        AuditRunViewModel run = viewModel.auditRun();
        ProgressBar bar = new ProgressBar(0);
        bar.setId("progress");
        bar.setPrefWidth(220);
        bar.progressProperty().bind(run.progress().progressProperty());
        Label status = new Label();
        status.setId("statusLine");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(run.progress().statusLineProperty());
        run.failedProperty().addListener((observable, was, failed) -> {
            status.getStyleClass().remove("status-line-error");
            if (failed) {
                status.getStyleClass().add("status-line-error");
            }
        });
        HBox line = new HBox(10, bar, status);
        line.getStyleClass().add("progress-line");
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }
}
