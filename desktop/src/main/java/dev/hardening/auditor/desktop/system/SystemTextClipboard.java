package dev.hardening.auditor.desktop.system;

import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;

/** The system clipboard; call on the JavaFX application thread. */
public final class SystemTextClipboard implements TextClipboard {

    @Override
    public void putText(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
