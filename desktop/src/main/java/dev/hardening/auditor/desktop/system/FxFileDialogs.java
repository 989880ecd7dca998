package dev.hardening.auditor.desktop.system;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** The system's file choosers, owned by the main window. */
public final class FxFileDialogs implements FileDialogs {
    private final Supplier<Window> owner;

    public FxFileDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> save(String title, String suggestedName, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(suggestedName);
        if (!extension.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(extension + " files", "*" + extension));
        }
        return Optional.ofNullable(chooser.showSaveDialog(owner.get())).map(File::toPath);
    }

    @Override
    public Optional<Path> open(String title, String description, List<String> extensions) {
        return Optional.ofNullable(chooser(title, description, extensions).showOpenDialog(owner.get())).map(File::toPath);
    }

    @Override
    public List<Path> openMany(String title, String description, List<String> extensions) {
        List<File> files = chooser(title, description, extensions).showOpenMultipleDialog(owner.get());
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }

    private static FileChooser chooser(String title, String description, List<String> extensions) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        if (!extensions.isEmpty()) {
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description,
                    extensions.stream().map(e -> "*" + e).toList()));
        }
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("All files", "*"));
        return chooser;
    }
}
