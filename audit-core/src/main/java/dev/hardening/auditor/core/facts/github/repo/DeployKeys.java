package dev.hardening.auditor.core.facts.github.repo;

import java.util.List;

/** {@code GET /repos/{o}/{r}/keys}. */
public record DeployKeys(RepoRef repo, List<DeployKey> keys, boolean truncated) {
    public DeployKeys {
        keys = List.copyOf(keys);
    }
}
