package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.attest.FileAttestationStore;
import dev.hardening.auditor.core.config.AppDirectories;
import dev.hardening.auditor.core.config.LocalSources;
import dev.hardening.auditor.core.workstation.LocalHome;
import dev.hardening.auditor.core.workstation.OsFamily;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * This machine as the command line sees it: the home is {@code HOME} ({@code USERPROFILE} on
 * Windows) from the command's environment, as the tools that write credential files use it, else
 * the JVM's {@code user.home}; the working directory is {@code PWD}, else {@code user.dir}.
 */
final class LocalMachine {
    private LocalMachine() {
    }

    static LocalSources sources(Map<String, String> env) {
        OsFamily os = OsFamily.of(System.getProperty("os.name", ""));
        Path home = home(env, os);
        Path cwd = absoluteDirectory(env.get("PWD")).orElse(Path.of(System.getProperty("user.dir", ".")).toAbsolutePath());
        return new LocalSources(new LocalHome(os, home, cwd, env), attestations(env));
    }

    static FileAttestationStore attestations(Map<String, String> env) {
        OsFamily os = OsFamily.of(System.getProperty("os.name", ""));
        return FileAttestationStore.in(AppDirectories.of(System.getProperty("os.name", ""), home(env, os), env));
    }

    private static Path home(Map<String, String> env, OsFamily os) {
        String variable = os == OsFamily.WINDOWS ? "USERPROFILE" : "HOME";
        return absoluteDirectory(env.get(variable)).orElse(Path.of(System.getProperty("user.home", ".")));
    }

    private static Optional<Path> absoluteDirectory(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            Path p = Path.of(value.strip());
            return p.isAbsolute() && Files.isDirectory(p) ? Optional.of(p) : Optional.empty();
        } catch (InvalidPathException e) {
            return Optional.empty();
        }
    }
}
