package dev.hardening.auditor.core.facts.npm;

import java.util.List;

/** The packages an npm user maintains, from the registry search ({@code maintainer:<user>}). */
public record NpmUserPackages(String user, List<String> packages) {
    public NpmUserPackages {
        packages = List.copyOf(packages);
    }
}
