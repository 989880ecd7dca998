package dev.hardening.auditor.desktop.testing;

import dev.hardening.auditor.desktop.system.LinkOpener;
import dev.hardening.auditor.desktop.system.TextClipboard;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Stands in for the browser and the clipboard, remembering what it was asked to do. */
public final class RecordingDesktop implements LinkOpener, TextClipboard {
    private final List<String> opened = new CopyOnWriteArrayList<>();
    private final List<String> copied = new CopyOnWriteArrayList<>();

    @Override
    public void open(String url) {
        opened.add(url);
    }

    @Override
    public void putText(String text) {
        copied.add(text);
    }

    public List<String> opened() {
        return List.copyOf(opened);
    }

    public List<String> copied() {
        return List.copyOf(copied);
    }
}
