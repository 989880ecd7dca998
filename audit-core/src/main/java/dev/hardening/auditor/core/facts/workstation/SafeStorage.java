package dev.hardening.auditor.core.facts.workstation;

/**
 * A credential a tool keeps outside plain-text files (a system keychain, a credential helper):
 * good practice, shown as evidence.
 *
 * @param location    the file that points to the store, as shown
 * @param description e.g. "docker uses the credential store osxkeychain"
 */
public record SafeStorage(String location, String description) {
}
