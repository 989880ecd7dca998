package dev.hardening.auditor.desktop.system;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The file choosers the screens open: the app shows the system's dialogs ({@link FxFileDialogs});
 * tests answer with paths of their own. Called on the UI thread; nothing is read or written here.
 */
public interface FileDialogs {

    /** Where to write; empty when the user cancels. */
    Optional<Path> save(String title, String suggestedName, String extension);

    /** One file to read; empty when the user cancels. */
    Optional<Path> open(String title, String description, List<String> extensions);

    /** Files to read; empty when the user cancels. */
    List<Path> openMany(String title, String description, List<String> extensions);
}
