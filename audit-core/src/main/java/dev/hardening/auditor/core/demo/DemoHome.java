package dev.hardening.auditor.core.demo;

import dev.hardening.auditor.core.workstation.Home;
import dev.hardening.auditor.core.workstation.OsFamily;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The demo maintainer's home, served from the class path ({@code demo/home/}, listed in
 * {@code demo/home.index}), so that the workstation checks run in the demo without reading anything
 * of the real machine. Its tokens are synthetic; its SSH keys are OpenSSH's published test keys.
 */
final class DemoHome implements Home {
    static final Path HOME = Path.of("/home/robin");
    private static final String ROOT = "demo/home/";
    private static final Map<String, String> ENVIRONMENT = Map.of("SHELL", "/bin/zsh", "LANG", "en_GB.UTF-8",
            "EDITOR", "vim");

    private final Set<String> files;

    private DemoHome(Set<String> files) {
        this.files = files;
    }

    static DemoHome bundled() {
        Set<String> files = new TreeSet<>();
        for (String line : resource("demo/home.index").orElseThrow(() -> new IllegalStateException("demo/home.index is missing"))
                .split("\n")) {
            if (!line.isBlank()) {
                files.add(line.strip());
            }
        }
        return new DemoHome(files);
    }

    @Override
    public OsFamily os() {
        return OsFamily.LINUX;
    }

    @Override
    public Path home() {
        return HOME;
    }

    @Override
    public Path workingDirectory() {
        return HOME.resolve("src").resolve("inkwell-parser");
    }

    @Override
    public Map<String, String> environment() {
        return ENVIRONMENT;
    }

    @Override
    public Optional<String> readText(Path file) {
        Optional<String> name = relative(file);
        return name.filter(files::contains).flatMap(n -> resource(ROOT + n));
    }

    @Override
    public boolean isDirectory(Path path) {
        Optional<String> name = relative(path);
        return name.isPresent() && files.stream().anyMatch(f -> f.startsWith(name.get() + "/"));
    }

    @Override
    public List<Path> listFiles(Path directory) {
        Optional<String> name = relative(directory);
        List<Path> out = new ArrayList<>();
        if (name.isEmpty()) {
            return out;
        }
        for (String f : files) {
            if (f.startsWith(name.get() + "/") && f.indexOf('/', name.get().length() + 1) < 0) {
                out.add(directory.resolve(f.substring(name.get().length() + 1)));
            }
        }
        return out;
    }

    /** The path below the home as {@code .ssh/config}, or empty outside it. */
    private static Optional<String> relative(Path p) {
        Path n = p.normalize();
        if (!n.startsWith(HOME) || n.equals(HOME)) {
            return Optional.empty();
        }
        return Optional.of(HOME.relativize(n).toString().replace('\\', '/'));
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = DemoHome.class.getClassLoader().getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo resource " + name, e);
        }
    }
}
