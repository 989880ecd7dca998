package dev.hardening.auditor.core.model;

import java.util.Objects;

/** A real incident that a check would have caught or prevented. */
public record Incident(String name, String summary, String url) {
    public Incident {
        Objects.requireNonNull(name, "name");
        summary = summary == null ? "" : summary;
        url = url == null ? "" : url;
    }
}
