package dev.hardening.auditor.checks.github.commitemail;

import dev.hardening.auditor.core.collect.EmailAddresses;
import dev.hardening.auditor.core.secrets.Masking;

/**
 * Addresses that reach no one: GitHub's {@code ID+login@users.noreply.github.com} (and
 * {@code users.noreply.<host>} on GitHub Enterprise Server), and {@code noreply@github.com}, the
 * committer of commits made on the website.
 */
final class NoreplyAddresses {
    private NoreplyAddresses() {
    }

    static boolean isNoreply(String address) {
        return EmailAddresses.isGitHubNoreply(address.trim()) || Masking.domainOf(address).startsWith("users.noreply.");
    }
}
