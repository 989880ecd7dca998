package dev.hardening.auditor.desktop.theme;

import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * Theme and text size. The text size scales the root font; every other size in app.css is in
 * {@code em}, so paddings, headings and badges grow with it (200% is the largest step).
 */
public final class AppearanceViewModel {
    /** The root font size at 100%, in pixels. */
    public static final double BASE_FONT_PX = 13;
    public static final List<Integer> TEXT_SCALES = List.of(100, 125, 150, 200);

    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final IntegerProperty textScale = new SimpleIntegerProperty(100);
    private final StringBinding rootStyle = Bindings.createStringBinding(
            () -> "-fx-font-size: " + fontSizePx() + "px;", textScale);

    public ObjectProperty<Theme> themeProperty() {
        return theme;
    }

    /** Percent of the base text size; one of {@link #TEXT_SCALES} from the menu, any positive value accepted. */
    public IntegerProperty textScaleProperty() {
        return textScale;
    }

    public void toggleTheme() {
        theme.set(theme.get() == Theme.DARK ? Theme.LIGHT : Theme.DARK);
    }

    public double fontSizePx() {
        return BASE_FONT_PX * Math.max(50, textScale.get()) / 100.0;
    }

    /** The inline style of the scene root for the current text size. */
    public StringBinding rootStyleProperty() {
        return rootStyle;
    }
}
