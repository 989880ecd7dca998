package dev.hardening.auditor.desktop.attest;

import dev.hardening.auditor.core.facts.attest.MfaMethod;
import dev.hardening.auditor.core.model.Platform;
import java.util.Arrays;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.util.StringConverter;

/** Declare the second factor of an account: platform, method, and what is on record. */
public final class AttestationView extends VBox {

    public AttestationView(AttestationViewModel viewModel) {
        super(10);
        getStyleClass().add("attestation");
        setPadding(new Insets(12));
        setPrefWidth(520);

        Label explanation = new Label(AttestationViewModel.EXPLANATION);
        explanation.setWrapText(true);

        ComboBox<Platform> platform = new ComboBox<>(FXCollections.observableArrayList(AttestationViewModel.PLATFORMS));
        platform.setId("attestPlatform");
        platform.setConverter(converter(Platform::displayName, p -> AttestationViewModel.PLATFORMS.stream()
                .filter(x -> x.displayName().equals(p)).findFirst().orElse(null)));
        platform.valueProperty().bindBidirectional(viewModel.platformProperty());

        ComboBox<MfaMethod> method = new ComboBox<>(FXCollections.observableArrayList(Arrays.asList(MfaMethod.values())));
        method.setId("attestMethod");
        method.setConverter(converter(MfaMethod::description, d -> Arrays.stream(MfaMethod.values())
                .filter(m -> m.description().equals(d)).findFirst().orElse(null)));
        method.valueProperty().bindBidirectional(viewModel.methodProperty());

        Button record = new Button("Record");
        record.setId("attestRecord");
        record.setDefaultButton(true);
        record.disableProperty().bind(viewModel.busyProperty());
        record.setOnAction(event -> viewModel.record());

        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Account on"), platform);
        form.addRow(1, new Label("Second factor"), method);
        form.add(record, 1, 2);

        Label message = new Label();
        message.setId("attestMessage");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());

        ListView<String> declarations = new ListView<>(viewModel.declarations());
        declarations.setId("attestDeclarations");
        declarations.setPrefHeight(100);

        getChildren().addAll(explanation, form, message, new Label("On record"), declarations);
    }

    private static <T> StringConverter<T> converter(java.util.function.Function<T, String> show,
                                                    java.util.function.Function<String, T> parse) {
        return new StringConverter<>() {
            @Override
            public String toString(T value) {
                return value == null ? "" : show.apply(value);
            }

            @Override
            public T fromString(String text) {
                return parse.apply(text);
            }
        };
    }

    /** A non-modal dialog around the view; reads the record when it opens. */
    public static Dialog<Void> dialog(AttestationViewModel viewModel, Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Declare your second factors");
        dialog.setHeaderText("Which second factor protects each account?");
        dialog.initModality(Modality.NONE);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setContent(new AttestationView(viewModel));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        viewModel.load();
        return dialog;
    }
}
