package dev.hardening.auditor.core.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Where the auditor keeps its files, following each platform's convention: XDG base directories on
 * Linux, {@code ~/Library} on macOS, {@code %LOCALAPPDATA%} / {@code %APPDATA%} on Windows.
 */
public record AppDirectories(Path cache, Path data, Path config) {
    private static final String APP = "maintainer-hardening-auditor";

    public static AppDirectories current() {
        return of(System.getProperty("os.name", ""), Path.of(System.getProperty("user.home", ".")), System.getenv());
    }

    public static AppDirectories of(String osName, Path home, Map<String, String> env) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.contains("mac")) {
            Path lib = home.resolve("Library");
            return new AppDirectories(lib.resolve("Caches").resolve(APP), lib.resolve("Application Support").resolve(APP),
                    lib.resolve("Application Support").resolve(APP));
        }
        if (os.contains("win")) {
            Path local = dir(env, "LOCALAPPDATA", home.resolve("AppData").resolve("Local"));
            Path roaming = dir(env, "APPDATA", home.resolve("AppData").resolve("Roaming"));
            return new AppDirectories(local.resolve(APP).resolve("Cache"), local.resolve(APP).resolve("Data"),
                    roaming.resolve(APP));
        }
        return new AppDirectories(
                dir(env, "XDG_CACHE_HOME", home.resolve(".cache")).resolve(APP),
                dir(env, "XDG_DATA_HOME", home.resolve(".local").resolve("share")).resolve(APP),
                dir(env, "XDG_CONFIG_HOME", home.resolve(".config")).resolve(APP));
    }

    public Path httpCache() {
        return cache.resolve("http");
    }

    private static Path dir(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        // XDG: relative paths are invalid and must be ignored.
        return v != null && !v.isBlank() && Path.of(v).isAbsolute() ? Path.of(v) : fallback;
    }
}
