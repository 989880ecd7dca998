package dev.hardening.auditor.desktop;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Command-line options of the desktop app.
 *
 * @param runDemo    start the demo audit as soon as the window opens (the default, so
 *                   {@code ./auditor gui} opens straight into the demo)
 * @param screenshot run the demo, save a PNG of the window to this file, and exit
 * @param help       print usage and exit
 */
public record LaunchOptions(boolean runDemo, Optional<Path> screenshot, boolean help) {

    public static final String USAGE = """
            Usage: DesktopMain [--demo | --no-demo] [--screenshot FILE] [--help]
              --demo             start the demo audit when the window opens (default)
              --no-demo          open the window without starting an audit
              --screenshot FILE  run the demo, save the window as a PNG to FILE, and exit
                                 (exit 0: saved after a completed audit; 1: the audit failed; 2: not saved)
              --help             show this help""";

    public static LaunchOptions parse(List<String> args) {
        boolean runDemo = true;
        Path screenshot = null;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--demo")) {
                runDemo = true;
            } else if (arg.equals("--no-demo")) {
                runDemo = false;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.equals("--screenshot")) {
                if (i + 1 >= args.size() || args.get(i + 1).isBlank()) {
                    throw new IllegalArgumentException("--screenshot needs a file name");
                }
                screenshot = Path.of(args.get(++i));
            } else if (arg.startsWith("--screenshot=")) {
                String file = arg.substring("--screenshot=".length());
                if (file.isBlank()) {
                    throw new IllegalArgumentException("--screenshot needs a file name");
                }
                screenshot = Path.of(file);
            } else {
                throw new IllegalArgumentException("unknown option '" + arg + "'");
            }
        }
        return new LaunchOptions(runDemo || screenshot != null, Optional.ofNullable(screenshot), help);
    }
}
