package dev.hardening.auditor.core.facts.workstation;

/**
 * One place the workstation scan looked at, and what it found there, so that a clean result shows
 * what was covered.
 *
 * @param location the file or "environment"
 * @param state    e.g. "absent", "2 credentials", "no credentials"
 */
public record InspectedSource(String location, String state) {
}
