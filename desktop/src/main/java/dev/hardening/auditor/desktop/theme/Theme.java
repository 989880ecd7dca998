package dev.hardening.auditor.desktop.theme;

import java.util.Locale;

/**
 * The app's two colour themes. Both come from the one stylesheet, app.css: the light colours are
 * named on {@code .root}, and {@code .root.theme-dark} renames the same colours, so a rule never
 * names a colour itself.
 */
public enum Theme {
    LIGHT("Light", ""),
    DARK("Dark", "theme-dark");

    private final String displayName;
    private final String styleClass;

    Theme(String displayName, String styleClass) {
        this.displayName = displayName;
        this.styleClass = styleClass;
    }

    public String displayName() {
        return displayName;
    }

    /** The style class the root carries for this theme; empty for the default (light). */
    public String styleClass() {
        return styleClass;
    }

    public static Theme parse(String text) {
        for (Theme theme : values()) {
            if (theme.name().equalsIgnoreCase(text.trim())) {
                return theme;
            }
        }
        throw new IllegalArgumentException("unknown theme '" + text + "' (expected light or dark)");
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
