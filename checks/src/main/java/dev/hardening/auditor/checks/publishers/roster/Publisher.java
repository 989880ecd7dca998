package dev.hardening.auditor.checks.publishers.roster;

/**
 * An account that can publish a package: its registry user name, and how it is shown in evidence
 * (e.g. {@code alice (Owner)}). Never an email address.
 */
record Publisher(String name, String shownAs) {
}
