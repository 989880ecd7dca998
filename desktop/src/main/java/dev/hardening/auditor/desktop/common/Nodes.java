package dev.hardening.auditor.desktop.common;

import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableColumnBase;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** Small builders the screens share, so headings and texts look the same everywhere. */
public final class Nodes {
    private Nodes() {
    }

    /** The title of a screen. */
    public static Label screenTitle(String text) {
        Label title = new Label(text);
        title.getStyleClass().add("screen-title");
        title.setWrapText(true);
        title.setMnemonicParsing(false);
        return title;
    }

    /** A heading over a part of a screen. */
    public static Label heading(String text) {
        Label heading = new Label(text);
        heading.getStyleClass().add("section-title");
        heading.setWrapText(true);
        heading.setMnemonicParsing(false);
        return heading;
    }

    /** Text that wraps instead of being cut off (data from APIs is never parsed for mnemonics). */
    public static Label wrapped(String text, String styleClass) {
        Label label = new Label(text);
        label.setWrapText(true);
        label.setMnemonicParsing(false);
        label.setMinHeight(Region.USE_PREF_SIZE);
        if (styleClass != null && !styleClass.isEmpty()) {
            label.getStyleClass().add(styleClass);
        }
        return label;
    }

    /** A card: a heading and its content, on a raised surface. */
    public static VBox card(String title, Node... content) {
        VBox card = new VBox();
        card.getStyleClass().add("card");
        card.getChildren().add(heading(title));
        card.getChildren().addAll(content);
        return card;
    }

    /**
     * Sizes a table column in {@code em} of the font of {@code reference} (a label with the screen's
     * body font), so columns grow with the text size (at 200% a column is twice as wide) instead of
     * cutting their headers.
     */
    public static void emWidth(TableColumnBase<?, ?> column, Labeled reference, double em) {
        column.prefWidthProperty().bind(Bindings.createDoubleBinding(() -> reference.getFont().getSize() * em,
                reference.fontProperty()));
    }

    /** A column's minimum width in em of the reference's font, so it scales with the text size. */
    public static void minEmWidth(TableColumnBase<?, ?> column, Labeled reference, double em) {
        column.minWidthProperty().bind(Bindings.createDoubleBinding(() -> reference.getFont().getSize() * em,
                reference.fontProperty()));
    }

    /** As {@link #emWidth}, and the column keeps that width. */
    public static void fixedEmWidth(TableColumnBase<?, ?> column, Labeled reference, double em) {
        emWidth(column, reference, em);
        column.minWidthProperty().bind(column.prefWidthProperty());
        column.maxWidthProperty().bind(column.prefWidthProperty());
    }

    /** Keeps a control at least as wide as its text, so a narrow window wraps the row instead of cutting it. */
    public static <T extends Region> T unsqueezable(T node) {
        node.setMinWidth(Region.USE_PREF_SIZE);
        return node;
    }
}
