package dev.hardening.auditor.checks.workstation.sshkeys;

import dev.hardening.auditor.checks.support.MinimumRsaBits;
import dev.hardening.auditor.core.check.Check;
import dev.hardening.auditor.core.check.CheckContext;
import dev.hardening.auditor.core.facts.Fact;
import dev.hardening.auditor.core.facts.FactKey;
import dev.hardening.auditor.core.facts.github.GitHubAuthKeys;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubViewer;
import dev.hardening.auditor.core.facts.workstation.SshKeys;
import dev.hardening.auditor.core.facts.workstation.SshPrivateKey;
import dev.hardening.auditor.core.facts.workstation.WorkstationFacts;
import dev.hardening.auditor.core.keys.KeyAlgorithm;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.playbook.CredentialEvidence;
import dev.hardening.auditor.core.tokens.CredentialKind;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * {@code workstation.ssh-keys}: every private key in {@code ~/.ssh}. DSA, and RSA under 2048 bits,
 * FAIL; a key without a passphrase WARN, or FAIL when its public key is registered on GitHub as an
 * authentication key of an audited user (anyone who copies the file can push as them); a key kept on
 * a security key, or protected by a passphrase, PASS. With the policy's {@code keys.min-rsa-bits}, an
 * RSA key below it FAIL naming the rule. Compared with GitHub's keys by fingerprint.
 */
public final class WorkstationSshKeysCheck implements Check {
    static final int MIN_RSA_BITS = 2048;

    @Override
    public List<Finding> evaluate(CheckContext context) {
        SshKeys keys = context.facts().require(WorkstationFacts.SSH_KEYS);
        List<Finding> findings = new ArrayList<>();
        keys.gaps().forEach(gap -> findings.add(context.unknown("workstation:" + keys.directory(), gap)));
        if (keys.keys().isEmpty()) {
            if (findings.isEmpty()) {
                findings.add(context.notApplicable("workstation:" + keys.directory(), keys.exists()
                        ? "No private key files in " + keys.directory() + "."
                        : keys.directory() + " does not exist: no SSH private keys on this machine."));
            }
            return findings;
        }
        GitHubKeys github = githubKeys(context);
        for (SshPrivateKey key : keys.keys()) {
            findings.add(judge(context, key, github));
        }
        return findings;
    }

    private static Finding judge(CheckContext context, SshPrivateKey key, GitHubKeys github) {
        String subject = "workstation:" + key.file();
        List<Evidence> evidence = new ArrayList<>();
        evidence.add(Evidence.of("format", key.format(), key.file()));
        if (!key.type().isEmpty()) {
            evidence.add(Evidence.of("type", key.type() + (key.bits() > 0 ? " " + key.bits() + " bits" : ""), key.file()));
        }
        evidence.add(Evidence.of("passphrase", key.hardwareBacked() ? "not needed: the key lives on a security key"
                : key.encrypted() ? "yes (" + key.cipher() + ")" : "none: the file alone is the key", key.file()));
        key.fingerprint().ifPresent(f -> evidence.add(Evidence.of("public key", f, key.file())));
        Optional<String> githubUser = key.fingerprint().flatMap(f -> github.ownerOf(f, false));
        Optional<String> signer = key.fingerprint().flatMap(f -> github.ownerOf(f, true));
        githubUser.ifPresent(login -> evidence.add(Evidence.of("registered on GitHub",
                "an authentication key of " + login, "GET /users/" + login + "/keys")));
        signer.ifPresent(login -> evidence.add(Evidence.of("registered on GitHub",
                "a signing key of " + login, "GET /users/" + login + "/ssh_signing_keys")));
        github.notes().forEach(note -> evidence.add(Evidence.of("not compared with GitHub", note, "")));

        if (!key.problem().isEmpty() && key.type().isEmpty()) {
            return context.unknown(subject, key.file() + ": " + key.problem() + ".",
                    "check it with ssh-keygen -l -f " + key.file(), evidence.toArray(Evidence[]::new));
        }
        String type = key.type().toLowerCase(Locale.ROOT);
        if (type.equals("ssh-dss")) {
            return fail(context, subject, key.file() + " is a DSA key: DSA is limited to 1024 bits and OpenSSH has refused it"
                    + " by default since 7.0 (2015).", evidence, key);
        }
        if (type.equals("ssh-rsa") && key.bits() > 0 && key.bits() < MIN_RSA_BITS) {
            return fail(context, subject, key.file() + " is an RSA key of only " + key.bits() + " bits; keys under "
                    + MIN_RSA_BITS + " bits can be factored.", evidence, key);
        }
        Optional<MinimumRsaBits> minimum = MinimumRsaBits.of(context);
        if (minimum.isPresent()) {
            evidence.add(minimum.get().evidence());
            if (type.equals("ssh-rsa") && minimum.get().rejects(KeyAlgorithm.RSA, key.bits())) {
                return fail(context, subject, key.file() + " is an RSA key of " + key.bits() + " bits, and "
                        + minimum.get().requirement() + ". Replace it with an Ed25519 key (ssh-keygen -t ed25519).",
                        evidence, key);
            }
        }
        if (!key.encrypted() && !key.hardwareBacked()) {
            if (githubUser.isPresent()) {
                return fail(context, subject, key.file() + " has no passphrase and is registered on GitHub for "
                        + githubUser.get() + ": any program that copies the file can push to every repository "
                        + githubUser.get() + " can write to.", evidence, key);
            }
            if (signer.isPresent()) {
                return fail(context, subject, key.file() + " has no passphrase and is " + signer.get() + "'s GitHub signing"
                        + " key: any program that copies the file can sign commits and tags that GitHub shows as Verified.",
                        evidence, key);
            }
            return context.warn(subject, key.file() + " has no passphrase: any program running as you can copy it and use"
                    + " it wherever its public key is trusted.", withCredential(evidence, key));
        }
        if (key.bits() == 0 && !key.hardwareBacked()) {
            return context.unknown(subject, key.file() + " is protected by a passphrase, but its type and size cannot be read"
                    + " without its .pub file.", "keep the .pub file beside it, or check it with ssh-keygen -l -f " + key.file(),
                    evidence.toArray(Evidence[]::new));
        }
        String why = key.hardwareBacked() ? "lives on a security key: the file is only a handle"
                : "is protected by a passphrase (" + key.cipher() + ")";
        return context.pass(subject, key.file() + " " + why + ".", evidence);
    }

    private static Finding fail(CheckContext context, String subject, String message, List<Evidence> evidence, SshPrivateKey key) {
        return context.fail(subject, message, withCredential(evidence, key));
    }

    /** Keys that need action are listed in the incident playbook like any other credential. */
    private static List<Evidence> withCredential(List<Evidence> evidence, SshPrivateKey key) {
        if (key.fingerprint().isEmpty()) {
            return evidence;
        }
        List<Evidence> out = new ArrayList<>(evidence);
        out.addAll(CredentialEvidence.of(CredentialKind.SSH_PRIVATE_KEY, key.file(), "", true,
                CredentialKind.SSH_PRIVATE_KEY.capability(), "", key.fingerprint().get(), key.file()));
        return out;
    }

    /** The audited users' GitHub authentication and signing keys, and why some could not be read. */
    private record GitHubKeys(List<GitHubAuthKeys> authentication, List<GitHubAuthKeys> signing, List<String> notes) {
        Optional<String> ownerOf(String fingerprint, boolean signingKey) {
            return (signingKey ? signing : authentication).stream().filter(k -> k.contains(fingerprint))
                    .map(GitHubAuthKeys::login).findFirst();
        }
    }

    private static GitHubKeys githubKeys(CheckContext context) {
        Set<String> logins = new LinkedHashSet<>(context.targets().githubUsers());
        if (context.facts().lookup(GitHubFacts.VIEWER) instanceof Fact.Available<GitHubViewer> viewer) {
            logins.add(viewer.value().user().login());
        }
        List<GitHubAuthKeys> authentication = new ArrayList<>();
        List<GitHubAuthKeys> signing = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        if (logins.isEmpty()) {
            notes.add("no GitHub account in the audit (--github-user or GITHUB_TOKEN)");
        }
        for (String login : logins) {
            read(context, GitHubAuthKeys.of(login), login, authentication, notes);
            read(context, GitHubAuthKeys.signingOf(login), login, signing, notes);
        }
        return new GitHubKeys(authentication, signing, notes);
    }

    private static void read(CheckContext context, FactKey<GitHubAuthKeys> key, String login,
                             List<GitHubAuthKeys> into, List<String> notes) {
        Fact<GitHubAuthKeys> fact = context.facts().lookup(key);
        if (fact instanceof Fact.Available<GitHubAuthKeys> a) {
            into.add(a.value());
        } else if (fact instanceof Fact.Unavailable<GitHubAuthKeys> u && !notes.contains(login + ": " + u.unavailability().reason())) {
            notes.add(login + ": " + u.unavailability().reason());
        }
    }
}
