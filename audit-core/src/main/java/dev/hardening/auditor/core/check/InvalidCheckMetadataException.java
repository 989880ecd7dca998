package dev.hardening.auditor.core.check;

import java.util.List;

/** The registry refused to load: one or more checks declare missing or invalid metadata. */
public final class InvalidCheckMetadataException extends RuntimeException {
    private final List<String> problems;

    public InvalidCheckMetadataException(List<String> problems) {
        super("invalid check metadata:\n  - " + String.join("\n  - ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
