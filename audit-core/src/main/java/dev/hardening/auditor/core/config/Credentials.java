package dev.hardening.auditor.core.config;

import dev.hardening.auditor.core.secrets.Secret;
import java.util.Optional;

/**
 * The credentials of an audit. They come from the environment ({@code GITHUB_TOKEN},
 * {@code NPM_TOKEN}, {@code HIBP_API_KEY}, {@code PYPI_TOKEN}), a {@code --*-token-file}, standard
 * input or the OS keychain, never from the command line.
 *
 * @param pypi a PyPI API token to inspect OFFLINE: it is decoded on this machine and never attached to
 *             any request (no host credential is ever made from it)
 */
public record Credentials(Optional<Secret> github, Optional<Secret> npm, Optional<Secret> hibp, Optional<Secret> pypi) {

    public Credentials(Optional<Secret> github, Optional<Secret> npm, Optional<Secret> hibp) {
        this(github, npm, hibp, Optional.empty());
    }

    public static Credentials none() {
        return new Credentials(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    public Credentials withPypi(Optional<Secret> token) {
        return new Credentials(github, npm, hibp, token);
    }

    @Override
    public String toString() {
        return "Credentials[github=" + github.isPresent() + ", npm=" + npm.isPresent() + ", hibp=" + hibp.isPresent()
                + ", pypi=" + pypi.isPresent() + "]";
    }
}
