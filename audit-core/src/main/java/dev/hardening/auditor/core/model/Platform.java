package dev.hardening.auditor.core.model;

import java.util.Locale;

/** A place the audit reads from. Also used to group progress per source. */
public enum Platform {
    GITHUB("GitHub"),
    NPM("npm"),
    PYPI("PyPI"),
    HIBP("Have I Been Pwned"),
    RDAP("RDAP"),
    EMAIL("Email"),
    WORKSTATION("Workstation"),
    POLICY("Policy");

    private final String displayName;

    Platform(String displayName) {
        this.displayName = displayName;
    }

    public String displayName() {
        return displayName;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Platform parse(String text) {
        for (Platform p : values()) {
            if (p.id().equalsIgnoreCase(text.trim())) {
                return p;
            }
        }
        throw new IllegalArgumentException("unknown platform '" + text + "'");
    }
}
