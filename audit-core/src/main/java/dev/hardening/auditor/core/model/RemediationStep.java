package dev.hardening.auditor.core.model;

import java.util.Objects;

/**
 * One step of a fix. {@code url} is the exact settings page when there is one; {@code command}
 * is a copyable command when the step can be done from a terminal. Both may be empty.
 */
public record RemediationStep(String text, String url, String command) {
    public RemediationStep {
        Objects.requireNonNull(text, "text");
        url = url == null ? "" : url;
        command = command == null ? "" : command;
    }

    public static RemediationStep of(String text) {
        return new RemediationStep(text, "", "");
    }
}
