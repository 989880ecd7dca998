package dev.hardening.auditor.core.facts.pypi;

import java.util.List;
import java.util.Optional;

/** {@code ownership}: the roles on a project and the organization that owns it, if any. */
public record PyPIOwnership(List<PyPIRole> roles, Optional<String> organization) {
    public PyPIOwnership {
        roles = List.copyOf(roles);
    }
}
