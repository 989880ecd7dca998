package dev.hardening.auditor.core.clients.pypi;

/** One project of a PyPI user, with the user's role on it ({@code Owner} or {@code Maintainer}). */
public record PyPIUserProject(String role, String project) {
}
