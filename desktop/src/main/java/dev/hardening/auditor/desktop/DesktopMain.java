package dev.hardening.auditor.desktop;

import java.util.List;
import javafx.application.Application;

/**
 * Plain main class. Launching a class that extends {@link Application} directly from the class
 * path fails with "JavaFX runtime components are missing"; going through this class works.
 */
public final class DesktopMain {
    private DesktopMain() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(LaunchOptions.USAGE);
            return;
        }
        // The checks' metadata (~0.7 s of YAML) loads while the toolkit starts, not after it.
        CheckRegistryPreload.start();
        Application.launch(DesktopApp.class, args);
        System.exit(DesktopApp.exitStatus());
    }
}
