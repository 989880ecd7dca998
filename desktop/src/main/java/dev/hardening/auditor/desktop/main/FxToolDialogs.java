package dev.hardening.auditor.desktop.main;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.desktop.attest.AttestationView;
import dev.hardening.auditor.desktop.attest.AttestationViewModel;
import dev.hardening.auditor.desktop.password.PasswordCheckView;
import dev.hardening.auditor.desktop.password.PasswordCheckViewModel;
import dev.hardening.auditor.desktop.theme.AppearanceViewModel;
import dev.hardening.auditor.desktop.theme.ThemedRoot;
import java.util.function.Supplier;
import javafx.scene.control.Dialog;
import javafx.stage.Window;

/**
 * The real dialogs, owned by the main window and styled like it (theme and text size follow). Each
 * is made once and brought back to the front when opened again.
 */
public final class FxToolDialogs implements ToolDialogs {
    private final Window owner;
    private final Supplier<PasswordCheckViewModel> passwordCheck;
    private final Supplier<AttestationViewModel> attestation;
    private final AppearanceViewModel appearance;
    private Dialog<Void> passwordDialog;
    private Dialog<Void> attestationDialog;
    private AttestationViewModel attestationModel;

    public FxToolDialogs(Window owner, Supplier<PasswordCheckViewModel> passwordCheck,
                         Supplier<AttestationViewModel> attestation, AppearanceViewModel appearance) {
        this.owner = owner;
        this.passwordCheck = passwordCheck;
        this.attestation = attestation;
        this.appearance = appearance;
    }

    @Override
    public void openPasswordCheck() {
        if (passwordDialog == null) {
            passwordDialog = PasswordCheckView.dialog(passwordCheck.get(), owner);
            ThemedRoot.follow(passwordDialog.getDialogPane(), appearance);
        }
        showOrFocus(passwordDialog);
    }

    @Override
    public void openAttestation(Platform platform) {
        if (attestationDialog == null) {
            attestationModel = attestation.get();
            attestationDialog = AttestationView.dialog(attestationModel, owner);
            ThemedRoot.follow(attestationDialog.getDialogPane(), appearance);
        } else {
            attestationModel.load();
        }
        if (platform != null) {
            attestationModel.platformProperty().set(platform);
        }
        showOrFocus(attestationDialog);
    }

    /** The password check dialog once opened, for screenshots. */
    public Dialog<Void> passwordDialog() {
        return passwordDialog;
    }

    /** The attestation dialog once opened, for screenshots. */
    public Dialog<Void> attestationDialog() {
        return attestationDialog;
    }

    private static void showOrFocus(Dialog<Void> dialog) {
        if (dialog.isShowing()) {
            ((javafx.stage.Stage) dialog.getDialogPane().getScene().getWindow()).toFront();
        } else {
            dialog.show();
        }
    }
}
