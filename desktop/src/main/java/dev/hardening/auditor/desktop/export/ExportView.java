package dev.hardening.auditor.desktop.export;

import dev.hardening.auditor.desktop.common.Nodes;
import dev.hardening.auditor.desktop.system.FileDialogs;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The Export screen: one button per format, each asking where to write. */
public final class ExportView extends ScrollPane {
    private final ExportViewModel viewModel;
    private final FileDialogs files;
    private final PasswordField passphrase = new PasswordField();
    private Button first;

    public ExportView(ExportViewModel viewModel, FileDialogs files) {
        this.viewModel = viewModel;
        this.files = files;
        getStyleClass().add("screen-scroll");
        setFitToWidth(true);
        setId("exportScreen");

        GridPane formats = new GridPane();
        formats.getStyleClass().add("form-grid");
        ColumnConstraints buttons = new ColumnConstraints();
        buttons.setMinWidth(Label.USE_PREF_SIZE);
        ColumnConstraints descriptions = new ColumnConstraints();
        descriptions.setHgrow(Priority.ALWAYS);
        formats.getColumnConstraints().addAll(buttons, descriptions);
        int row = 0;
        for (ExportFormat format : ExportFormat.values()) {
            Button button = new Button(format.label());
            button.setId("export-" + format.id());
            button.setMaxWidth(Double.MAX_VALUE);
            button.disableProperty().bind(viewModel.canExportProperty().not());
            button.setOnAction(event -> export(format));
            formats.addRow(row++, button, Nodes.wrapped(format.description(), "muted"));
            if (first == null) {
                first = button;
            }
        }

        Label key = Nodes.wrapped("", "muted");
        key.setId("exportKey");
        key.textProperty().bind(viewModel.keyTextProperty());
        passphrase.setId("exportPassphrase");
        passphrase.setPromptText("passphrase of the signing key file");
        passphrase.setAccessibleText("Passphrase of the signing key file; it is not shown");
        HBox passphraseRow = new HBox(passphrase);
        HBox.setHgrow(passphrase, Priority.ALWAYS);
        passphraseRow.visibleProperty().bind(viewModel.passphraseNeededProperty());
        passphraseRow.managedProperty().bind(passphraseRow.visibleProperty());

        Label message = Nodes.wrapped("", "lead");
        message.setId("exportMessage");
        message.textProperty().bind(viewModel.messageProperty());

        VBox content = new VBox(Nodes.screenTitle("Export"), message, Nodes.card("Formats", formats),
                Nodes.card("Signing", key, passphraseRow));
        content.getStyleClass().add("screen");
        setContent(content);
    }

    /** The first format's button, for the window's focus. */
    public Button firstButton() {
        return first;
    }

    private void export(ExportFormat format) {
        boolean demo = viewModel.reportProperty().get() != null && viewModel.reportProperty().get().demo();
        files.save("Export: " + format.label().replace("_", "").replace("…", ""), format.suggestedName(demo),
                format.extension()).ifPresent(path -> {
                    char[] typed = new char[0];
                    if (format == ExportFormat.SIGNED_SNAPSHOT) {
                        CharSequence chars = passphrase.getCharacters();
                        typed = new char[chars.length()];
                        for (int i = 0; i < typed.length; i++) {
                            typed[i] = chars.charAt(i);
                        }
                        passphrase.clear();
                    }
                    viewModel.export(format, path, typed);
                });
    }
}
