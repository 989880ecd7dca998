package dev.hardening.auditor.desktop.testing;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Window;

/** Every string a scene graph holds: texts, labels, fields, prompts, tooltips and accessible texts. */
public final class SceneText {
    private SceneText() {
    }

    /** Of every open window (dialogs included). Call on the FX thread. */
    public static List<String> ofAllWindows() {
        List<String> out = new ArrayList<>();
        for (Window window : Window.getWindows()) {
            if (window.getScene() != null) {
                collect(window.getScene().getRoot(), out);
            }
        }
        return out;
    }

    public static List<String> of(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (node instanceof Labeled labeled) {
            out.add(labeled.getText());
        }
        if (node instanceof TextInputControl input) {
            out.add(input.getText());
            out.add(input.getPromptText());
        }
        if (node instanceof Text text) {
            out.add(text.getText());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            out.add(control.getTooltip().getText());
        }
        out.add(node.getAccessibleText());
        out.add(node.getAccessibleHelp());
        if (node instanceof ScrollPane scroll && scroll.getContent() != null) {
            collect(scroll.getContent(), out);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
        out.removeIf(s -> s == null || s.isEmpty());
    }
}
