package dev.hardening.auditor.core.workstation;

import java.util.Locale;

/** The operating-system families whose tools keep credentials in different places. */
public enum OsFamily {
    LINUX, MAC, WINDOWS;

    /** From {@code os.name}; anything not macOS or Windows is treated like Linux (BSDs keep the same files). */
    public static OsFamily of(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac") || os.contains("darwin")) {
            return MAC;
        }
        if (os.contains("win")) {
            return WINDOWS;
        }
        return LINUX;
    }
}
