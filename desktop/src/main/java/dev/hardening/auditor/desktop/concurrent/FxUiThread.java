package dev.hardening.auditor.desktop.concurrent;

import javafx.application.Platform;

/** Hands work to the JavaFX application thread, in order. */
public final class FxUiThread implements UiThread {

    @Override
    public void execute(Runnable work) {
        Platform.runLater(work);
    }
}
