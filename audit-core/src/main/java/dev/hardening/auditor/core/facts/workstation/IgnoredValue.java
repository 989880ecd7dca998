package dev.hardening.auditor.core.facts.workstation;

/**
 * A value in a credential's place that is not a credential: a placeholder, a documented example,
 * a token whose checksum does not match, a reference to an environment variable.
 *
 * @param location where it was, as {@link WorkstationCredential#location()} shows it
 * @param reason   why it was not reported
 */
public record IgnoredValue(String location, String reason) {
}
