package dev.hardening.auditor.core.check;

import dev.hardening.auditor.core.model.CheckMetadata;

/** A check together with its validated metadata. */
public record RegisteredCheck(CheckMetadata metadata, Check check) {
    public String id() {
        return metadata.id();
    }
}
