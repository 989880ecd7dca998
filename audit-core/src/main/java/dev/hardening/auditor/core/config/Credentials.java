package dev.hardening.auditor.core.config;

import dev.hardening.auditor.core.secrets.Secret;
import java.util.Optional;

/**
 * The credentials of an audit. They come from the environment ({@code GITHUB_TOKEN},
 * {@code NPM_TOKEN}, {@code HIBP_API_KEY}), a {@code --*-token-file}, standard input or the OS
 * keychain, never from the command line.
 */
public record Credentials(Optional<Secret> github, Optional<Secret> npm, Optional<Secret> hibp) {
    public static Credentials none() {
        return new Credentials(Optional.empty(), Optional.empty(), Optional.empty());
    }

    @Override
    public String toString() {
        return "Credentials[github=" + github.isPresent() + ", npm=" + npm.isPresent() + ", hibp=" + hibp.isPresent() + "]";
    }
}
