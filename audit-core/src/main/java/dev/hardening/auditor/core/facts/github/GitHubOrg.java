package dev.hardening.auditor.core.facts.github;

import java.util.Optional;

/**
 * An organisation as {@code GET /orgs/{org}} shows it.
 *
 * @param twoFactorRequirementEnabled {@code two_factor_requirement_enabled}; GitHub shows it only to
 *                                    members (and fully to owners), so it may be absent
 */
public record GitHubOrg(String login, long id, String name, Optional<Boolean> twoFactorRequirementEnabled) {
}
