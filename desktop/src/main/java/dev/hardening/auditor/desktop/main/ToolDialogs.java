package dev.hardening.auditor.desktop.main;

import dev.hardening.auditor.core.model.Platform;

/** The dialogs the window opens: the password check and the second-factor declaration. */
public interface ToolDialogs {

    void openPasswordCheck();

    /** @param platform preselected in the dialog; null for the first */
    void openAttestation(Platform platform);

    /** No dialogs: for tests of other parts of the window. */
    static ToolDialogs none() {
        return new ToolDialogs() {
            @Override
            public void openPasswordCheck() {
            }

            @Override
            public void openAttestation(Platform platform) {
            }
        };
    }
}
