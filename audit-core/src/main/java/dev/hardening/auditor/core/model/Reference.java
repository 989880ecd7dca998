package dev.hardening.auditor.core.model;

import java.util.Objects;

/** A document that backs a check: a benchmark control, registry documentation, an incident report. */
public record Reference(String title, String url) {
    public Reference {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
