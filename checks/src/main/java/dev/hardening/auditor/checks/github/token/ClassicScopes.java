package dev.hardening.auditor.checks.github.token;

import java.util.Map;
import java.util.Set;

/**
 * What each classic OAuth scope (classic personal access tokens and OAuth app tokens) lets the holder
 * of the token do, measured against what this audit needs.
 *
 * <p>The audit reads; it needs {@code user} (GitHub shows {@code two_factor_authentication} only with
 * it), {@code read:user}/{@code user:email} (profile and addresses) and {@code read:org} (organisation
 * 2FA and members). Public repositories need no scope at all; {@code repo} would be needed only to read
 * private publishing repositories, and it grants full write access, so it is reported rather than assumed.
 */
final class ClassicScopes {
    enum Risk {
        /** Needed by one of the audit's checks. */
        NEEDED,
        /** Read-only and harmless, though not needed. */
        READ_ONLY,
        /** Write access the audit does not need. */
        WRITE,
        /** Lets whoever holds the token take over, persist, or publish. */
        DANGEROUS,
        /** A scope this table does not know. */
        OTHER
    }

    record Assessment(String scope, Risk risk, String effect) {
    }

    private static final Map<String, String> NEEDED = Map.of(
            "user", "read private profile data such as the 2FA status (also lets the token edit your profile)",
            "read:user", "read profile data",
            "user:email", "read your email addresses",
            "read:org", "read organisation membership and 2FA requirements");

    private static final Map<String, String> DANGEROUS = Map.ofEntries(
            Map.entry("workflow", "can change GitHub Actions workflows, the code that runs with your repositories' secrets and publish tokens"),
            Map.entry("delete_repo", "can delete your repositories"),
            Map.entry("admin:org", "full control of your organisations, their members, teams and 2FA requirement"),
            Map.entry("admin:enterprise", "full control of your enterprises"),
            Map.entry("site_admin", "site administrator of GitHub Enterprise Server"),
            Map.entry("admin:public_key", "can add SSH keys to your account: push access that survives a password change"),
            Map.entry("write:public_key", "can add SSH keys to your account: push access that survives a password change"),
            Map.entry("admin:gpg_key", "can add GPG keys, so forged commits show as Verified under your name"),
            Map.entry("write:gpg_key", "can add GPG keys, so forged commits show as Verified under your name"),
            Map.entry("admin:ssh_signing_key", "can add SSH signing keys, so forged commits show as Verified under your name"),
            Map.entry("write:ssh_signing_key", "can add SSH signing keys, so forged commits show as Verified under your name"),
            Map.entry("admin:repo_hook", "full control of repository webhooks"),
            Map.entry("admin:org_hook", "full control of organisation webhooks"),
            Map.entry("write:packages", "can publish packages to GitHub Packages"),
            Map.entry("delete:packages", "can delete packages from GitHub Packages"));

    private static final Map<String, String> WRITE = Map.ofEntries(
            Map.entry("repo", "full control of all your repositories, private ones included: push, settings, collaborators"),
            Map.entry("public_repo", "can push to and change your public repositories"),
            Map.entry("repo:status", "can set commit statuses, i.e. fake CI results"),
            Map.entry("repo_deployment", "can create deployments"),
            Map.entry("repo:invite", "can accept repository invitations"),
            Map.entry("security_events", "can read and dismiss code scanning alerts"),
            Map.entry("write:org", "can change organisation and team membership"),
            Map.entry("write:repo_hook", "can create repository webhooks"),
            Map.entry("write:discussion", "can write team discussions"),
            Map.entry("gist", "can create and change gists"),
            Map.entry("codespace", "full control of your codespaces"),
            Map.entry("project", "can change projects"));

    private static final Set<String> READ_ONLY_PREFIXES = Set.of("read:");

    private ClassicScopes() {
    }

    static Assessment assess(String scope) {
        if (NEEDED.containsKey(scope)) {
            return new Assessment(scope, Risk.NEEDED, NEEDED.get(scope));
        }
        if (DANGEROUS.containsKey(scope)) {
            return new Assessment(scope, Risk.DANGEROUS, DANGEROUS.get(scope));
        }
        if (WRITE.containsKey(scope)) {
            return new Assessment(scope, Risk.WRITE, WRITE.get(scope));
        }
        if (READ_ONLY_PREFIXES.stream().anyMatch(scope::startsWith)) {
            return new Assessment(scope, Risk.READ_ONLY, "read-only");
        }
        return new Assessment(scope, Risk.OTHER, "not assessed");
    }
}
