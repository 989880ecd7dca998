package dev.hardening.auditor.core.playbook;

import java.util.List;

/**
 * A package in the incident playbook and who can publish it.
 *
 * @param subject    e.g. {@code npm:left-pad}
 * @param publishers the accounts that can publish it, as the registry lists them
 * @param source     where the list comes from
 */
public record PlaybookPackage(String subject, List<String> publishers, String source) {
    public PlaybookPackage {
        publishers = List.copyOf(publishers);
    }
}
