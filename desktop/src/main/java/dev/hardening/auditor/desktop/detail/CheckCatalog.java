package dev.hardening.auditor.desktop.detail;

import dev.hardening.auditor.core.check.CheckRegistry;
import dev.hardening.auditor.core.check.RegisteredCheck;
import dev.hardening.auditor.core.model.CheckMetadata;
import java.util.Optional;

/** Looks up a check's declared metadata (why it matters, incidents) by id. */
@FunctionalInterface
public interface CheckCatalog {

    Optional<CheckMetadata> find(String checkId);

    static CheckCatalog of(CheckRegistry registry) {
        return id -> registry.find(id).map(RegisteredCheck::metadata);
    }

    static CheckCatalog empty() {
        return id -> Optional.empty();
    }
}
