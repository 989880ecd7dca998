package dev.hardening.auditor.desktop.theme;

import java.util.Objects;
import javafx.scene.Parent;

/** Keeps a root node (the window's, a dialog's) in step with the appearance: theme class, font size, stylesheet. */
public final class ThemedRoot {
    public static final String STYLESHEET = "/dev/hardening/auditor/desktop/app.css";

    private ThemedRoot() {
    }

    /** The stylesheet's URL, for scenes and dialog panes. */
    public static String stylesheet() {
        return Objects.requireNonNull(ThemedRoot.class.getResource(STYLESHEET), STYLESHEET).toExternalForm();
    }

    public static void follow(Parent root, AppearanceViewModel appearance) {
        if (!root.getStylesheets().contains(stylesheet())) {
            root.getStylesheets().add(stylesheet());
        }
        apply(root, appearance.themeProperty().get());
        appearance.themeProperty().addListener((observable, was, now) -> apply(root, now));
        root.styleProperty().bind(appearance.rootStyleProperty());
    }

    private static void apply(Parent root, Theme theme) {
        for (Theme t : Theme.values()) {
            if (!t.styleClass().isEmpty()) {
                root.getStyleClass().remove(t.styleClass());
            }
        }
        if (!theme.styleClass().isEmpty()) {
            root.getStyleClass().add(theme.styleClass());
        }
    }
}
