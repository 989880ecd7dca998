package dev.hardening.auditor.sim.world;

/**
 * A person of the simulated organisation (or an outside collaborator).
 *
 * @param login   GitHub, npm and PyPI user name (the same on all three)
 * @param mfa     their second factor, as GitHub's organisation filters see it
 * @param outside an outside collaborator rather than a member
 */
public record Member(String login, long id, String name, String email, Mfa mfa, boolean outside) {
    /** GitHub's view: {@code 2fa_disabled} lists NONE, {@code 2fa_insecure} lists SMS. */
    public enum Mfa { SECURITY_KEY, TOTP, SMS, NONE }
}
