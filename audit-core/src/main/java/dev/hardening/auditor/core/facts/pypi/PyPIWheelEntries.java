package dev.hardening.auditor.core.facts.pypi;

import java.util.List;
import java.util.Locale;

/**
 * The names of the entries of one wheel, read from its ZIP central directory (the end of the file,
 * fetched with a range request; nothing is unpacked).
 *
 * @param entries  entry names as stored
 * @param complete false when the listing was cut at the entry limit
 */
public record PyPIWheelEntries(String project, String version, String filename, List<String> entries, boolean complete) {
    public PyPIWheelEntries {
        entries = List.copyOf(entries);
    }

    /**
     * The {@code .pth} files at the top level of the wheel: Python runs their {@code import} lines
     * at every interpreter start once the wheel is installed (the elementary-data 0.23.3 payload).
     */
    public List<String> pthFiles() {
        return entries.stream().filter(e -> !e.contains("/") && e.toLowerCase(Locale.ROOT).endsWith(".pth")).toList();
    }
}
