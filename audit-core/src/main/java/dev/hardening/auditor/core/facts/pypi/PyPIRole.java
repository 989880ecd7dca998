package dev.hardening.auditor.core.facts.pypi;

/** One entry of {@code ownership.roles}: a user and their role ({@code Owner} or {@code Maintainer}). */
public record PyPIRole(String role, String user) {
}
