package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.desktop.system.FileDialogs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Answers the file choosers with paths a test set beforehand, and remembers what was asked. */
public final class RecordingFileDialogs implements FileDialogs {
    private final List<String> asked = new CopyOnWriteArrayList<>();
    public volatile Path saveTo;
    public volatile Path openFile;
    public volatile List<Path> openFiles = List.of();

    @Override
    public Optional<Path> save(String title, String suggestedName, String extension) {
        asked.add("save " + title + " as " + suggestedName);
        return Optional.ofNullable(saveTo);
    }

    @Override
    public Optional<Path> open(String title, String description, List<String> extensions) {
        asked.add("open " + title);
        return Optional.ofNullable(openFile);
    }

    @Override
    public List<Path> openMany(String title, String description, List<String> extensions) {
        asked.add("open many " + title);
        return new ArrayList<>(openFiles);
    }

    public List<String> asked() {
        return List.copyOf(asked);
    }
}
