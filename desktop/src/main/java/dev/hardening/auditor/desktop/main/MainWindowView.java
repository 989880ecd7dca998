package dev.hardening.auditor.desktop.main;

import dev.hardening.auditor.desktop.audit.AuditRunViewModel;
import dev.hardening.auditor.desktop.audit.RunView;
import dev.hardening.auditor.desktop.checklist.ChecklistView;
import dev.hardening.auditor.desktop.detail.FindingDetailView;
import dev.hardening.auditor.desktop.export.ExportView;
import dev.hardening.auditor.desktop.history.HistoryView;
import dev.hardening.auditor.desktop.setup.SetupView;
import dev.hardening.auditor.desktop.system.FileDialogs;
import dev.hardening.auditor.desktop.team.TeamMatrixView;
import dev.hardening.auditor.desktop.theme.AppearanceViewModel;
import dev.hardening.auditor.desktop.theme.Theme;
import dev.hardening.auditor.desktop.theme.ThemedRoot;
import java.util.EnumMap;
import java.util.Map;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The main window: a sidebar with the six screens (Alt + underlined letter, or Ctrl + 1…6), the
 * password check and second-factor dialogs, the theme and the text size; the DEMO banner; the screen;
 * and a status bar with the audit's progress and the score. Only the screen on show is in the scene,
 * so mnemonics and Tab never reach hidden controls.
 */
public final class MainWindowView extends BorderPane {
    public static final KeyCombination RUN_SHORTCUT = new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN);
    public static final KeyCombination CANCEL_SHORTCUT = new KeyCodeCombination(KeyCode.ESCAPE);
    public static final KeyCombination FIND_SHORTCUT = new KeyCodeCombination(KeyCode.F, KeyCombination.SHORTCUT_DOWN);

    private final MainWindowViewModel viewModel;
    private final Map<Screen, Node> screens = new EnumMap<>(Screen.class);
    private final Map<Screen, ToggleButton> navigation = new EnumMap<>(Screen.class);
    private final StackPane holder = new StackPane();
    private final SetupView setupView;
    private final RunView runView;
    private final ChecklistView checklistView;
    private final TeamMatrixView teamView;
    private final HistoryView historyView;
    private final ExportView exportView;

    public MainWindowView(MainWindowViewModel viewModel, FileDialogs files, ToolDialogs dialogs) {
        this.viewModel = viewModel;
        getStyleClass().add("main-window");
        setId("mainWindow");

        setupView = new SetupView(viewModel.setup(), files, viewModel::tryDemo, viewModel::runAudit);
        runView = new RunView(viewModel.auditRun(), () -> viewModel.screenProperty().set(Screen.CHECKLIST));
        checklistView = new ChecklistView(viewModel.checklist());
        FindingDetailView detailView = new FindingDetailView(viewModel.detail(), dialogs::openAttestation);
        SplitPane checklistScreen = new SplitPane(checklistView, detailView);
        checklistScreen.setId("checklistScreen");
        checklistScreen.setDividerPositions(0.56);
        // At 150% text and above, side by side leaves neither pane room to read: the detail goes below the list.
        stackWhenLarge(checklistScreen, viewModel.appearance().textScaleProperty().get());
        viewModel.appearance().textScaleProperty().addListener((observable, was, now) ->
                stackWhenLarge(checklistScreen, now.intValue()));
        teamView = new TeamMatrixView(viewModel.team(), files);
        historyView = new HistoryView(viewModel.history());
        exportView = new ExportView(viewModel.export(), files);
        screens.put(Screen.SETUP, setupView);
        screens.put(Screen.RUN, runView);
        screens.put(Screen.CHECKLIST, checklistScreen);
        screens.put(Screen.TEAM, teamView);
        screens.put(Screen.HISTORY, historyView);
        screens.put(Screen.EXPORT, exportView);

        holder.getStyleClass().add("screen-holder");
        // At large text sizes the sidebar is taller than the window: it scrolls rather than clipping.
        ScrollPane sidebar = new ScrollPane(sidebar(dialogs));
        sidebar.getStyleClass().add("sidebar-scroll");
        sidebar.setFitToWidth(true);
        sidebar.setFitToHeight(true);
        sidebar.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sidebar.setFocusTraversable(false);
        setLeft(sidebar);
        setTop(demoBanner());
        setCenter(holder);
        setBottom(statusBar());
        show(viewModel.screenProperty().get());
        viewModel.screenProperty().addListener((observable, was, now) -> show(now));
    }

    /** A scene with the app's stylesheet, theme, text size and keyboard shortcuts. */
    public Scene createScene(double width, double height) {
        Scene scene = new Scene(this, width, height);
        ThemedRoot.follow(this, viewModel.appearance());
        AuditRunViewModel run = viewModel.auditRun();
        scene.getAccelerators().put(RUN_SHORTCUT, viewModel::runAgain);
        scene.getAccelerators().put(CANCEL_SHORTCUT, run::cancel);
        scene.getAccelerators().put(FIND_SHORTCUT, () -> {
            viewModel.screenProperty().set(Screen.CHECKLIST);
            checklistView.searchField().requestFocus();
        });
        for (Screen screen : Screen.values()) {
            scene.getAccelerators().put(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + screen.number()),
                    KeyCombination.SHORTCUT_DOWN), () -> viewModel.screenProperty().set(screen));
        }
        return scene;
    }

    /** Gives the screen on show its natural focus: the demo button, the sources, the checklist, … */
    public void focusScreen() {
        Node target = switch (viewModel.screenProperty().get()) {
            case SETUP -> setupView.tryDemoButton();
            case RUN -> runView.sourcesTable();
            case CHECKLIST -> checklistView.tree();
            case TEAM -> teamView.matrix();
            case HISTORY -> historyView.chart();
            case EXPORT -> exportView.firstButton();
        };
        target.requestFocus();
    }

    /** Gives the checklist the keyboard focus, so arrow keys move through the findings. */
    public void focusChecklist() {
        checklistView.tree().requestFocus();
    }

    /** The node of a screen, for tests and screenshots. */
    public Node screen(Screen screen) {
        return screens.get(screen);
    }

    private void show(Screen screen) {
        holder.getChildren().setAll(screens.get(screen));
        ToggleButton button = navigation.get(screen);
        if (button != null && !button.isSelected()) {
            button.setSelected(true);
        }
        if (getScene() != null) {
            // Skins (a scroll pane's content among them) join the scene at the next CSS pass: run it now,
            // so the screen's first control can take the focus.
            holder.applyCss();
            holder.layout();
            focusScreen();
            // A mnemonic (Alt + letter) focuses its sidebar button after firing it: take the focus back.
            Platform.runLater(() -> {
                if (viewModel.screenProperty().get() == screen) {
                    focusScreen();
                }
            });
        }
    }

    private VBox sidebar(ToolDialogs dialogs) {
        Label name = new Label("Maintainer\nHardening Auditor");
        name.getStyleClass().add("app-name");
        name.setMinHeight(Region.USE_PREF_SIZE);
        VBox bar = new VBox(name);
        bar.getStyleClass().add("sidebar");
        bar.setId("sidebar");
        ToggleGroup group = new ToggleGroup();
        for (Screen screen : Screen.values()) {
            ToggleButton button = new ToggleButton(screen.label());
            button.setId("nav-" + screen.id());
            button.getStyleClass().add("nav-button");
            button.setToggleGroup(group);
            button.setMaxWidth(Double.MAX_VALUE);
            button.setMnemonicParsing(true);
            button.setTooltip(new Tooltip(screen.description() + " (Ctrl+" + screen.number() + ")"));
            button.setAccessibleHelp(screen.description());
            button.setOnAction(event -> {
                viewModel.screenProperty().set(screen);
                // A toggle in a group can be clicked off; the screen on show stays selected.
                button.setSelected(true);
            });
            navigation.put(screen, button);
            bar.getChildren().add(button);
        }

        Button password = new Button("_Password check…");
        password.setId("openPasswordCheck");
        password.setMaxWidth(Double.MAX_VALUE);
        password.setOnAction(event -> dialogs.openPasswordCheck());
        password.setAccessibleHelp("Checks a password against known breaches; only 5 characters of its hash leave the computer");
        Button attest = new Button("Declare 2_FA…");
        attest.setId("openAttestation");
        attest.setMaxWidth(Double.MAX_VALUE);
        attest.setOnAction(event -> dialogs.openAttestation(null));
        attest.setAccessibleHelp("Declares which second factor protects your GitHub, npm and PyPI accounts, with the date");

        AppearanceViewModel appearance = viewModel.appearance();
        ToggleButton dark = new ToggleButton("Dar_k theme");
        dark.setId("darkTheme");
        dark.setMaxWidth(Double.MAX_VALUE);
        dark.setSelected(appearance.themeProperty().get() == Theme.DARK);
        dark.selectedProperty().addListener((observable, was, now) -> appearance.themeProperty().set(now ? Theme.DARK : Theme.LIGHT));
        appearance.themeProperty().addListener((observable, was, now) -> dark.setSelected(now == Theme.DARK));
        ComboBox<Integer> size = new ComboBox<>(FXCollections.observableArrayList(AppearanceViewModel.TEXT_SCALES));
        size.setId("textSize");
        size.setMaxWidth(Double.MAX_VALUE);
        size.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer percent) {
                return percent == null ? "" : percent + "%";
            }

            @Override
            public Integer fromString(String text) {
                return Integer.valueOf(text.replace("%", "").strip());
            }
        });
        size.setValue(appearance.textScaleProperty().get());
        size.valueProperty().addListener((observable, was, now) -> {
            if (now != null) {
                appearance.textScaleProperty().set(now);
            }
        });
        appearance.textScaleProperty().addListener((observable, was, now) -> size.setValue(now.intValue()));
        Label sizeLabel = new Label("Text si_ze");
        sizeLabel.setMnemonicParsing(true);
        sizeLabel.setLabelFor(size);

        Region spacer = new Region();
        VBox.setVgrow(spacer, Priority.ALWAYS);
        bar.getChildren().addAll(new Separator(Orientation.HORIZONTAL), password, attest, spacer, dark, sizeLabel, size);
        return bar;
    }

    private Label demoBanner() {
        Label banner = new Label("DEMO — a fictional maintainer in the bundled offline demo world. No real account"
                + " was read.");
        banner.setId("demoBanner");
        banner.getStyleClass().add("demo-banner");
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setWrapText(true);
        banner.setMinHeight(Region.USE_PREF_SIZE);
        banner.visibleProperty().bind(viewModel.worldProperty().isEqualTo(World.DEMO));
        banner.managedProperty().bind(banner.visibleProperty());
        return banner;
    }

    private HBox statusBar() {
        AuditRunViewModel run = viewModel.auditRun();
        ProgressBar bar = new ProgressBar(0);
        bar.setId("progress");
        bar.getStyleClass().add("status-progress");
        bar.progressProperty().bind(run.progress().progressProperty());
        bar.visibleProperty().bind(run.runningProperty());
        bar.managedProperty().bind(bar.visibleProperty());
        Label status = new Label();
        status.setId("statusLine");
        status.getStyleClass().add("status-line");
        status.textProperty().bind(run.progress().statusLineProperty());
        status.setMinWidth(0);
        run.failedProperty().addListener((observable, was, failed) -> {
            status.getStyleClass().remove("status-line-error");
            if (failed) {
                status.getStyleClass().add("status-line-error");
            }
        });
        Label kept = new Label();
        kept.setId("snapshotMessage");
        kept.getStyleClass().add("status-line");
        kept.textProperty().bind(viewModel.snapshotMessageProperty());
        kept.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Label score = new Label();
        score.setId("score");
        score.getStyleClass().add("score");
        score.textProperty().bind(viewModel.checklist().scoreTextProperty());
        score.visibleProperty().bind(viewModel.checklist().hasReportProperty());
        score.setMinWidth(Region.USE_PREF_SIZE);
        score.accessibleTextProperty().bind(Bindings.concat("Hardening ", viewModel.checklist().scoreTextProperty()));
        HBox line = new HBox(bar, status, kept, spacer, score);
        line.getStyleClass().addAll("status-bar", "row");
        line.setAlignment(Pos.CENTER_LEFT);
        return line;
    }

    private static void stackWhenLarge(SplitPane checklistScreen, int textScalePercent) {
        Orientation wanted = textScalePercent >= 150 ? Orientation.VERTICAL : Orientation.HORIZONTAL;
        if (checklistScreen.getOrientation() != wanted) {
            checklistScreen.setOrientation(wanted);
            checklistScreen.setDividerPositions(wanted == Orientation.VERTICAL ? 0.5 : 0.56);
        }
    }
}
