package dev.hardening.auditor.core.model;

import java.util.Objects;

/**
 * One observed fact behind a verdict: what was seen, its value, and where it came from
 * (an API resource such as {@code GET /user}, a file, or the user's attestation).
 * Values never hold secrets: use a kind and a fingerprint instead.
 */
public record Evidence(String label, String value, String source) {
    public Evidence {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(value, "value");
        source = source == null ? "" : source;
    }

    public static Evidence of(String label, Object value, String source) {
        return new Evidence(label, String.valueOf(value), source);
    }
}
