package dev.hardening.auditor.cli;

import dev.hardening.auditor.core.config.Credentials;
import dev.hardening.auditor.core.secrets.Secret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Option;

/**
 * Where credentials come from: the environment ({@code GITHUB_TOKEN}, {@code NPM_TOKEN},
 * {@code HIBP_API_KEY}) or a file named by a flag. There is deliberately no flag that takes a token
 * value: a command line is visible to every process on the machine.
 */
final class CredentialOptions {
    static final String GITHUB_ENV = "GITHUB_TOKEN";
    static final String NPM_ENV = "NPM_TOKEN";
    static final String HIBP_ENV = "HIBP_API_KEY";
    static final String PYPI_ENV = "PYPI_TOKEN";
    private static final long MAX_FILE_BYTES = 64 * 1024;

    @Option(names = "--github-token-file", paramLabel = "FILE",
            description = "Read the GitHub token from FILE instead of the GITHUB_TOKEN environment variable.")
    Path githubTokenFile;

    @Option(names = "--npm-token-file", paramLabel = "FILE",
            description = "Read the npm token from FILE instead of the NPM_TOKEN environment variable.")
    Path npmTokenFile;

    @Option(names = "--hibp-key-file", paramLabel = "FILE",
            description = "Read the Have I Been Pwned API key from FILE instead of HIBP_API_KEY.")
    Path hibpKeyFile;

    @Option(names = "--pypi-token-file", paramLabel = "FILE",
            description = "Read a PyPI API token from FILE instead of PYPI_TOKEN, to inspect its scope and expiry"
                    + " offline (it is never sent anywhere).")
    Path pypiTokenFile;

    Credentials resolve(Map<String, String> env, Terminal terminal) {
        return new Credentials(
                read("GitHub token", githubTokenFile, env.get(GITHUB_ENV), terminal),
                read("npm token", npmTokenFile, env.get(NPM_ENV), terminal),
                read("HIBP API key", hibpKeyFile, env.get(HIBP_ENV), terminal),
                read("PyPI token", pypiTokenFile, env.get(PYPI_ENV), terminal));
    }

    private static Optional<Secret> read(String what, Path file, String envValue, Terminal terminal) {
        if (file != null) {
            return Optional.of(readFile(what, file, terminal));
        }
        if (envValue == null || envValue.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(Secret.of(envValue.strip()));
    }

    private static Secret readFile(String what, Path file, Terminal terminal) {
        try {
            if (!Files.isRegularFile(file)) {
                throw UserError.usage("the " + what + " file " + file + " does not exist or is not a file");
            }
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw UserError.usage("the " + what + " file " + file + " is too large to hold a token");
            }
            warnIfShared(what, file, terminal);
            byte[] bytes = Files.readAllBytes(file);
            String text = new String(bytes, StandardCharsets.UTF_8);
            Arrays.fill(bytes, (byte) 0);
            String firstLine = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("");
            if (firstLine.isEmpty()) {
                throw UserError.usage("the " + what + " file " + file + " is empty");
            }
            return Secret.of(firstLine);
        } catch (IOException e) {
            throw UserError.usage("cannot read the " + what + " file " + file + ": " + e.getClass().getSimpleName());
        }
    }

    private static void warnIfShared(String what, Path file, Terminal terminal) throws IOException {
        try {
            Set<PosixFilePermission> p = Files.getPosixFilePermissions(file);
            if (p.contains(PosixFilePermission.GROUP_READ) || p.contains(PosixFilePermission.OTHERS_READ)) {
                terminal.info("warning: the " + what + " file " + file + " is readable by other users (chmod 600 it)");
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows ACLs: not checked.
        }
    }
}
