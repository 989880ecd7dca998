package dev.hardening.auditor.core.facts.npm;

/**
 * The {@code tfa} field of {@code GET /-/npm/v1/user}: {@code null} or {@code false} when off,
 * else an object with {@code mode} ({@code auth-only} or {@code auth-and-writes}) and {@code pending}.
 */
public record NpmTwoFactor(Mode mode, boolean pending) {
    public enum Mode {
        DISABLED, AUTH_ONLY, AUTH_AND_WRITES, UNRECOGNISED
    }
}
