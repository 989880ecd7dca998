package dev.hardening.auditor.desktop.password;

import dev.hardening.auditor.desktop.common.StatusDisplay;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;

/**
 * The password check: what leaves the machine, a password field, and the verdict. The field is
 * emptied as soon as the password is handed to the view model.
 */
public final class PasswordCheckView extends VBox {
    private final PasswordField password = new PasswordField();

    public PasswordCheckView(PasswordCheckViewModel viewModel) {
        super(10);
        getStyleClass().add("password-check");
        setPadding(new Insets(12));
        setPrefWidth(520);

        Label explanation = new Label(PasswordCheckViewModel.EXPLANATION);
        explanation.setId("passwordExplanation");
        explanation.setWrapText(true);

        password.setId("passwordField");
        password.setPromptText("Password to check");
        password.setAccessibleText("Password to check; it is not shown");
        HBox.setHgrow(password, Priority.ALWAYS);
        Button check = new Button("Check");
        check.setId("checkPassword");
        check.setDefaultButton(true);
        check.disableProperty().bind(viewModel.canCheckProperty().not());
        check.setOnAction(event -> submit(viewModel));
        password.setOnAction(event -> submit(viewModel));
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(20, 20);
        spinner.visibleProperty().bind(viewModel.checkingProperty());

        Label status = new Label();
        status.setId("passwordStatus");
        status.textProperty().bind(Bindings.createStringBinding(() -> viewModel.statusProperty().get() == null ? ""
                : StatusDisplay.icon(viewModel.statusProperty().get()) + " " + viewModel.statusProperty().get().name(),
                viewModel.statusProperty()));
        Label message = new Label();
        message.setId("passwordResult");
        message.setWrapText(true);
        message.textProperty().bind(viewModel.messageProperty());
        Label details = new Label();
        details.setId("passwordDetails");
        details.setWrapText(true);
        details.getStyleClass().add("muted");
        details.textProperty().bind(viewModel.detailsProperty());

        getChildren().addAll(explanation, new HBox(8, password, check, spinner), status, message, details);
    }

    private void submit(PasswordCheckViewModel viewModel) {
        CharSequence typed = password.getCharacters();
        char[] chars = new char[typed.length()];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = typed.charAt(i);
        }
        password.clear();
        viewModel.check(chars);
    }

    /** A non-modal dialog around the view, owned by {@code owner}. */
    public static Dialog<Void> dialog(PasswordCheckViewModel viewModel, Window owner) {
        Dialog<Void> dialog = new Dialog<>();
        dialog.setTitle("Password check");
        dialog.setHeaderText("Has this password leaked in a breach?");
        dialog.initModality(Modality.NONE);
        if (owner != null) {
            dialog.initOwner(owner);
        }
        dialog.getDialogPane().setContent(new PasswordCheckView(viewModel));
        dialog.getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        return dialog;
    }
}
