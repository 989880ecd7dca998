package dev.hardening.auditor.desktop;

import dev.hardening.auditor.desktop.theme.AppearanceViewModel;
import dev.hardening.auditor.desktop.theme.Theme;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Command-line options of the desktop app.
 *
 * @param runDemo     start the demo audit as soon as the window opens ({@code --demo})
 * @param welcome     open on Welcome without the demo ({@code --no-demo}); with neither option the demo
 *                    starts when no targets are remembered (a first launch), else the window opens on Welcome
 * @param screenshot  run the demo, save a PNG of the checklist to this file, and exit
 * @param screenshots run the demo, save a PNG of every screen and dialog into this directory, and exit
 * @param theme       light or dark
 * @param textScale   text size in percent (100, 125, 150, 200)
 * @param startupTime print the time from the JVM's start to the first window, and exit
 * @param help        print usage and exit
 */
public record LaunchOptions(boolean runDemo, boolean welcome, Optional<Path> screenshot, Optional<Path> screenshots, Theme theme,
                            int textScale, boolean startupTime, boolean help) {

    public static final String USAGE = """
            Usage: DesktopMain [--demo | --no-demo] [--theme light|dark] [--text-scale PERCENT]
                               [--screenshot FILE | --screenshots DIR] [--startup-time] [--help]
              --demo              start the demo audit when the window opens
              --no-demo           open on Welcome without it (default: the demo on a first launch, that
                                  is while no targets are remembered; Welcome afterwards)
              --theme THEME       light (default) or dark
              --text-scale N      text size in percent: 100 (default), 125, 150 or 200
              --screenshot FILE   run the demo, save the checklist as a PNG to FILE, and exit
              --screenshots DIR   run the demo, save every screen and dialog as PNGs into DIR, and exit
                                  (exit 0: saved after a completed audit; 1: the audit failed; 2: not saved)
              --startup-time      print the time from launch to the first window, and exit
              --help              show this help
            Base URLs come from AUDITOR_GITHUB_API_URL, AUDITOR_NPM_REGISTRY_URL, AUDITOR_PYPI_URL,
            AUDITOR_HIBP_URL, AUDITOR_PWNED_PASSWORDS_URL and AUDITOR_RDAP_URL, tokens from the OS keychain
            (Setup screen) or GITHUB_TOKEN, NPM_TOKEN, HIBP_API_KEY and PYPI_TOKEN, as on the command line.""";

    /** The options that take a value, and what the value is. */
    private static final Map<String, String> VALUE_NEEDED = Map.of("--screenshot", "a file name",
            "--screenshots", "a directory", "--theme", "light or dark", "--text-scale", "a percentage");

    /** Options with the defaults: the demo on a first launch, light theme, 100%. */
    public static LaunchOptions defaults() {
        return new LaunchOptions(false, false, Optional.empty(), Optional.empty(), Theme.LIGHT, 100, false, false);
    }

    public static LaunchOptions parse(List<String> args) {
        boolean runDemo = false;
        boolean welcome = false;
        Path screenshot = null;
        Path screenshots = null;
        Theme theme = Theme.LIGHT;
        int textScale = 100;
        boolean startupTime = false;
        boolean help = false;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            int equals = arg.indexOf('=');
            String name = equals > 0 ? arg.substring(0, equals) : arg;
            String value = null;
            if (VALUE_NEEDED.containsKey(name)) {
                value = equals > 0 ? arg.substring(equals + 1) : i + 1 < args.size() ? args.get(++i) : "";
                if (value.isBlank()) {
                    throw new IllegalArgumentException(name + " needs " + VALUE_NEEDED.get(name));
                }
            } else if (equals > 0 && name.startsWith("--")) {
                throw new IllegalArgumentException(name.equals("--demo") || name.equals("--help") ? name + " takes no value"
                        : "unknown option '" + name + "'");
            }
            switch (name) {
                case "--demo" -> {
                    runDemo = true;
                    welcome = false;
                }
                case "--no-demo" -> {
                    runDemo = false;
                    welcome = true;
                }
                case "--help", "-h" -> help = true;
                case "--startup-time" -> startupTime = true;
                case "--screenshot" -> screenshot = Path.of(value);
                case "--screenshots" -> screenshots = Path.of(value);
                case "--theme" -> {
                    try {
                        theme = Theme.parse(value);
                    } catch (IllegalArgumentException e) {
                        throw new IllegalArgumentException("--theme: " + e.getMessage());
                    }
                }
                case "--text-scale" -> textScale = scale(value);
                default -> throw new IllegalArgumentException("unknown option '" + name + "'");
            }
        }
        boolean shooting = screenshot != null || screenshots != null;
        return new LaunchOptions(runDemo || shooting, welcome && !shooting, Optional.ofNullable(screenshot), Optional.ofNullable(screenshots),
                theme, textScale, startupTime, help);
    }

    private static int scale(String text) {
        try {
            int percent = Integer.parseInt(text.replace("%", "").strip());
            if (percent < 50 || percent > 400) {
                throw new NumberFormatException();
            }
            return percent;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--text-scale: expected a percentage such as "
                    + AppearanceViewModel.TEXT_SCALES + ", found '" + text + "'");
        }
    }
}
