package dev.hardening.auditor.core.workstation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Where each tool keeps its credentials, honouring the variables and platform conventions the
 * tools themselves honour. Paths only; nothing is read here.
 */
public final class CredentialLocations {
    private final Home home;

    public CredentialLocations(Home home) {
        this.home = home;
    }

    /** npm's user config: {@code NPM_CONFIG_USERCONFIG} (any case, as npm reads it), else {@code ~/.npmrc}. */
    public Path npmUserConfig() {
        return variablePath("NPM_CONFIG_USERCONFIG").or(() -> variablePath("npm_config_userconfig"))
                .orElse(home.home().resolve(".npmrc"));
    }

    /** The project {@code .npmrc} of the working directory (read by npm commands run there). */
    public Path npmProjectConfig() {
        return home.workingDirectory().resolve(".npmrc");
    }

    /** npm configs to read, without duplicates (the working directory may be the home). */
    public List<Path> npmConfigs() {
        Set<Path> paths = new LinkedHashSet<>();
        paths.add(npmUserConfig().toAbsolutePath().normalize());
        paths.add(npmProjectConfig().toAbsolutePath().normalize());
        return new ArrayList<>(paths);
    }

    /** {@code ~/.pypirc} (twine and the old setuptools upload read it). */
    public Path pypirc() {
        return home.home().resolve(".pypirc");
    }

    /**
     * The GitHub CLI's {@code hosts.yml}: {@code GH_CONFIG_DIR}, else {@code XDG_CONFIG_HOME/gh}, else
     * {@code %AppData%\GitHub CLI} on Windows, else {@code ~/.config/gh} (macOS included).
     */
    public Path ghHosts() {
        Optional<Path> configDir = variablePath("GH_CONFIG_DIR");
        if (configDir.isPresent()) {
            return configDir.get().resolve("hosts.yml");
        }
        Optional<Path> xdg = variablePath("XDG_CONFIG_HOME");
        if (xdg.isPresent()) {
            return xdg.get().resolve("gh").resolve("hosts.yml");
        }
        if (home.os() == OsFamily.WINDOWS) {
            Path appData = variablePath("AppData").or(() -> variablePath("APPDATA"))
                    .orElse(home.home().resolve("AppData").resolve("Roaming"));
            return appData.resolve("GitHub CLI").resolve("hosts.yml");
        }
        return home.home().resolve(".config").resolve("gh").resolve("hosts.yml");
    }

    /** git's plain-text store: {@code ~/.git-credentials} and {@code $XDG_CONFIG_HOME/git/credentials}. */
    public List<Path> gitCredentials() {
        Path xdg = variablePath("XDG_CONFIG_HOME").orElse(home.home().resolve(".config"));
        return List.of(home.home().resolve(".git-credentials"), xdg.resolve("git").resolve("credentials"));
    }

    /** {@code AWS_SHARED_CREDENTIALS_FILE}, else {@code ~/.aws/credentials}. */
    public Path awsCredentials() {
        return variablePath("AWS_SHARED_CREDENTIALS_FILE").orElse(home.home().resolve(".aws").resolve("credentials"));
    }

    /** {@code AWS_CONFIG_FILE}, else {@code ~/.aws/config} (it may hold keys too). */
    public Path awsConfig() {
        return variablePath("AWS_CONFIG_FILE").orElse(home.home().resolve(".aws").resolve("config"));
    }

    /** {@code DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}. */
    public Path dockerConfig() {
        return variablePath("DOCKER_CONFIG").orElse(home.home().resolve(".docker")).resolve("config.json");
    }

    /** {@code NETRC} (curl), else {@code ~/.netrc}, and {@code ~/_netrc} on Windows. */
    public List<Path> netrc() {
        Optional<Path> named = variablePath("NETRC");
        if (named.isPresent()) {
            return List.of(named.get());
        }
        if (home.os() == OsFamily.WINDOWS) {
            return List.of(home.home().resolve("_netrc"), home.home().resolve(".netrc"));
        }
        return List.of(home.home().resolve(".netrc"));
    }

    /** {@code ~/.ssh}. */
    public Path sshDirectory() {
        return home.home().resolve(".ssh");
    }

    /** An absolute path from a variable; relative values are ignored, as the XDG specification asks. */
    private Optional<Path> variablePath(String name) {
        return home.env(name).map(String::strip).filter(v -> !v.isEmpty()).flatMap(v -> {
            try {
                Path p = Path.of(expandTilde(v));
                return p.isAbsolute() ? Optional.of(p) : Optional.empty();
            } catch (java.nio.file.InvalidPathException e) {
                return Optional.empty();
            }
        });
    }

    private String expandTilde(String v) {
        if (v.equals("~")) {
            return home.home().toString();
        }
        if (v.startsWith("~/") || v.startsWith("~\\")) {
            return home.home().resolve(v.substring(2)).toString();
        }
        return v;
    }
}
