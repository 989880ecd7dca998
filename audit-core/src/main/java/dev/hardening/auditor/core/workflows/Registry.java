package dev.hardening.auditor.core.workflows;

/** A package registry a workflow publishes to. */
public enum Registry {
    NPM("npm"), PYPI("PyPI");

    private final String displayName;

    Registry(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }
}
