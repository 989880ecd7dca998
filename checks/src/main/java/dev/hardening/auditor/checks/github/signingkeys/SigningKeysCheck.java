package dev.hardening.auditor.checks.github.signingkeys;

import dev.hardening.auditor.core.model.Platform;
import dev.hardening.auditor.checks.support.ReadAhead;
import dev.hardening.auditor.checks.support.GitHubLogins;
import dev.hardening.auditor.checks.support.MinimumRsaBits;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubGpgKey;
import dev.hardening.auditor.core.facts.github.GitHubGpgKeys;
import dev.hardening.auditor.core.facts.github.GitHubGpgSubkey;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKey;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKeys;
import dev.hardening.auditor.core.keys.KeyStrength;
import dev.hardening.auditor.core.keys.OpenPgpCertificate;
import dev.hardening.auditor.core.keys.OpenPgpKey;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code github.signing-keys}: the GPG keys ({@code raw_key} parsed with Bouncy Castle) and SSH
 * signing keys registered on the account. Usable weak keys (RSA below 2048 bits, DSA) FAIL, and so do
 * keys that are all expired or revoked; RSA 2048, a key that cannot be read, or no signing key at all
 * WARN; strong keys only PASS. With the policy's {@code keys.min-rsa-bits}, a usable RSA key below it
 * FAIL naming the rule. Expiry is judged by the audit's clock.
 */
public final class SigningKeysCheck implements Check {

    @Override
    public List<Finding> evaluate(CheckContext context) {
        List<Finding> findings = new ArrayList<>();
        findings.addAll(ReadAhead.each(context, Platform.GITHUB, GitHubLogins.audited(context), login -> evaluate(context, login)));
        return findings;
    }

    private static Finding evaluate(CheckContext context, String login) {
        String subject = "github:" + login;
        Instant now = context.now();
        Fact<GitHubGpgKeys> gpg = context.facts().lookup(GitHubFacts.gpgKeys(login));
        Fact<GitHubSshSigningKeys> ssh = context.facts().lookup(GitHubFacts.sshSigningKeys(login));
        List<SigningKey> keys = new ArrayList<>();
        List<Evidence> notSigning = new ArrayList<>();
        String gpgSource = "GET /users/" + login + "/gpg_keys";
        String sshSource = "GET /users/" + login + "/ssh_signing_keys";
        gpg.valueIfAvailable().ifPresent(g -> g.keys().forEach(k -> gpgKey(k, now, gpgSource, keys, notSigning)));
        ssh.valueIfAvailable().ifPresent(s -> s.keys().forEach(k -> keys.add(sshKey(k, now, sshSource))));

        List<Evidence> evidence = new ArrayList<>();
        keys.forEach(k -> evidence.add(k.evidence()));
        evidence.addAll(notSigning);
        List<SigningKey> usable = keys.stream().filter(SigningKey::usable).toList();
        List<SigningKey> weak = usable.stream().filter(k -> k.strength() == KeyStrength.WEAK).toList();
        Optional<MinimumRsaBits> minimum = MinimumRsaBits.of(context);
        minimum.ifPresent(m -> evidence.add(m.evidence()));
        List<SigningKey> belowPolicy = minimum.map(m -> usable.stream()
                .filter(k -> k.strength() != KeyStrength.WEAK && k.description() != null && m.rejects(k.description())).toList())
                .orElse(List.of());
        String policyPart = belowPolicy.isEmpty() ? "" : count(belowPolicy.size(), "usable signing key") + " of " + login
                + (belowPolicy.size() == 1 ? " is" : " are") + " RSA below the team's minimum ("
                + String.join("; ", belowPolicy.stream().map(SigningKey::display).toList()) + "): "
                + minimum.get().requirement() + ".";
        if (!weak.isEmpty()) {
            return context.fail(subject, count(weak.size(), "usable signing key") + " of " + login + (weak.size() == 1 ? " is" : " are")
                    + " weak (" + String.join("; ", weak.stream().map(SigningKey::display).toList()) + "): a signature "
                    + "made with " + (weak.size() == 1 ? "it" : "them") + " can be forged, so \"Verified\" proves nothing."
                    + (policyPart.isEmpty() ? "" : " " + policyPart), evidence);
        }
        if (!belowPolicy.isEmpty()) {
            return context.fail(subject, policyPart + " Replace " + (belowPolicy.size() == 1 ? "it" : "them")
                    + " with an Ed25519 key, or RSA of at least " + minimum.get().bits() + " bits.", evidence);
        }
        if (!keys.isEmpty() && usable.isEmpty() && keys.stream().allMatch(k -> k.expired() || k.revoked())) {
            return context.fail(subject, "Every signing key of " + login + " is expired or revoked: new commits cannot "
                    + "show as Verified, and anyone can commit in " + login + "'s name with nothing to tell them apart.", evidence);
        }
        Optional<Unavailability> missing = gpg instanceof Fact.Unavailable<GitHubGpgKeys> u ? Optional.of(u.unavailability())
                : ssh instanceof Fact.Unavailable<GitHubSshSigningKeys> u2 ? Optional.of(u2.unavailability()) : Optional.empty();
        if (missing.isPresent()) {
            return context.finding(Status.UNKNOWN, subject, "The signing keys of " + login + " could not all be read: "
                    + missing.get().reason(), missing.get().needed(), evidence);
        }
        if (keys.isEmpty()) {
            return context.warn(subject, login + " has no GPG or SSH signing key on GitHub, so no commit can show as "
                    + "Verified and a commit made in " + login + "'s name by anyone looks the same as theirs.",
                    List.of(Evidence.of("GPG keys that can sign", 0, gpgSource), Evidence.of("SSH signing keys", 0, sshSource)));
        }
        List<SigningKey> legacy = usable.stream().filter(k -> k.strength() == KeyStrength.LEGACY).toList();
        List<SigningKey> unchecked = usable.stream().filter(k -> k.strength() == KeyStrength.UNKNOWN).toList();
        if (!legacy.isEmpty() || !unchecked.isEmpty()) {
            List<String> parts = new ArrayList<>();
            if (!legacy.isEmpty()) {
                parts.add(count(legacy.size(), "key") + " at the minimum strength, accepted only until 2030 ("
                        + String.join("; ", legacy.stream().map(SigningKey::display).toList()) + ")");
            }
            if (!unchecked.isEmpty()) {
                parts.add(count(unchecked.size(), "key") + " whose strength could not be read ("
                        + String.join("; ", unchecked.stream().map(SigningKey::display).toList()) + ")");
            }
            return context.warn(subject, login + " has " + String.join(", and ", parts) + ".", evidence);
        }
        return context.pass(subject, "Every usable signing key of " + login + " is strong (" + count(usable.size(), "key")
                + ").", evidence);
    }

    /** The signing-capable parts of one GPG key: its primary key (the root of trust) and its signing subkeys. */
    private static void gpgKey(GitHubGpgKey key, Instant now, String source, List<SigningKey> keys, List<Evidence> notSigning) {
        if (key.certificate().isPresent()) {
            OpenPgpCertificate cert = key.certificate().get();
            if (cert.signingKeys().isEmpty()) {
                notSigning.add(Evidence.of("GPG key " + key.keyId(), "cannot sign (encryption only)", source));
                return;
            }
            OpenPgpKey primary = cert.primary();
            boolean primaryExpired = primary.expiredAt(now);
            keys.add(SigningKey.ofGpg("GPG key " + primary.keyId(), primary.description(), primary.createdAt(),
                    primary.expiresAt(), primaryExpired, primary.revoked(), Optional.empty(), source));
            for (OpenPgpKey sub : cert.subkeys()) {
                if (sub.canSign()) {
                    // An expired primary key takes its subkeys with it.
                    keys.add(SigningKey.ofGpg("GPG signing subkey " + sub.keyId() + " of " + primary.keyId(), sub.description(),
                            sub.createdAt(), sub.expiresAt(), primaryExpired || sub.expiredAt(now), sub.revoked(),
                            Optional.empty(), source));
                }
            }
            return;
        }
        // No readable raw_key: GitHub's own fields and key packets are what is known.
        List<GitHubGpgSubkey> signingSubkeys = key.subkeys().stream().filter(GitHubGpgSubkey::canSign).toList();
        if (!key.canSign() && signingSubkeys.isEmpty()) {
            notSigning.add(Evidence.of("GPG key " + key.keyId(), "cannot sign (GitHub's can_sign is false)", source));
            return;
        }
        boolean expired = key.expiresAt().map(e -> !e.isAfter(now)).orElse(false);
        keys.add(SigningKey.ofGpg("GPG key " + key.keyId(), key.description().orElse(null), key.createdAt().orElse(null),
                key.expiresAt(), expired, key.revoked().orElse(false), key.problem(), source));
        for (GitHubGpgSubkey sub : signingSubkeys) {
            keys.add(SigningKey.ofGpg("GPG signing subkey " + sub.keyId() + " of " + key.keyId(), sub.description().orElse(null),
                    null, sub.expiresAt(), expired || sub.expiresAt().map(e -> !e.isAfter(now)).orElse(false),
                    sub.revoked().orElse(false), key.problem(), source));
        }
    }

    private static SigningKey sshKey(GitHubSshSigningKey key, Instant now, String source) {
        String label = "SSH signing key" + (key.title().isBlank() ? "" : " '" + key.title() + "'")
                + key.key().map(k -> " " + k.fingerprint()).orElse(" #" + key.id());
        return SigningKey.ofSsh(label, key, now, source);
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
