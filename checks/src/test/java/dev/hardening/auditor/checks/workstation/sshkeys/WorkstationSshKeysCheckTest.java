package dev.hardening.auditor.checks.workstation.sshkeys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.Unavailability;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubAuthKeys;
import dev.hardening.auditor.core.facts.workstation.SshKeys;
import dev.hardening.auditor.core.facts.workstation.SshPrivateKey;
import dev.hardening.auditor.core.facts.workstation.WorkstationFacts;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Policies;
import dev.hardening.auditor.core.testing.TargetsBuilder;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class WorkstationSshKeysCheckTest {
    private static final CheckHarness HARNESS = CheckHarness.of(new WorkstationSshKeysCheck());
    // Fingerprints of the openssh test keys (ssh-keygen -l on their .pub files).
    private static final String ED25519_1 = "SHA256:L3k/oJubblSY0lB9Ulsl7emDMnRPKm/8udf2ccwk560";
    private static final String RSA_1 = "SHA256:l6itGumSMcRBBAFteCgmjQBIXqLK/jFGUH3viHX1RmE";

    static Stream<Arguments> keys() {
        return Stream.of(
                Arguments.of("ed25519 with a passphrase", key("id_ed25519", "openssh-key-v1", "ssh-ed25519", 256, true, "aes256-ctr"), Status.PASS),
                Arguments.of("ed25519-sk on a security key", key("id_ed25519_sk", "openssh-key-v1", "sk-ssh-ed25519@openssh.com", 256, false, "none"), Status.PASS),
                Arguments.of("RSA 4096 with a passphrase", key("id_rsa", "PEM (PKCS#1)", "ssh-rsa", 4096, true, "AES-128-CBC"), Status.PASS),
                Arguments.of("ed25519 without a passphrase", key("id_ed25519", "openssh-key-v1", "ssh-ed25519", 256, false, "none"), Status.WARN),
                Arguments.of("RSA 1024, even encrypted", key("rsa_1_pw", "PEM (PKCS#1)", "ssh-rsa", 1024, true, "AES-128-CBC"), Status.FAIL),
                Arguments.of("RSA 1024 unencrypted", key("rsa_1", "PEM (PKCS#1)", "ssh-rsa", 1024, false, "none"), Status.FAIL),
                Arguments.of("DSA", key("id_dsa", "PEM (PKCS#1)", "ssh-dss", 1024, false, "none"), Status.FAIL),
                Arguments.of("encrypted PKCS#8 without .pub", new SshPrivateKey("~/.ssh/key", "PEM (PKCS#8)", "", 0, true, "PKCS#8 PBES2",
                        Optional.empty(), "encrypted; its size is unknown without the .pub file beside it"), Status.UNKNOWN),
                Arguments.of("malformed", new SshPrivateKey("~/.ssh/broken", "unreadable", "", 0, false, "", Optional.empty(),
                        "the key file is malformed or truncated"), Status.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keys")
    void eachKeyIsJudgedOnTypeSizeAndPassphrase(String name, SshPrivateKey key, Status expected) {
        Finding finding = HARNESS.runSingle(facts(key));

        assertThat(finding.status()).isEqualTo(expected);
        assertThat(finding.subject()).isEqualTo("workstation:" + key.file());
    }

    static Stream<Arguments> againstTheMinimumRsaSize() {
        return Stream.of(
                // key, policy minimum, status without the policy, status with it
                Arguments.of("RSA 2048 with a passphrase", key("id_rsa", "openssh-key-v1", "ssh-rsa", 2048, true, "aes256-ctr"), 3072,
                        Status.PASS, Status.FAIL),
                Arguments.of("RSA 3072 with a passphrase", key("id_rsa", "openssh-key-v1", "ssh-rsa", 3072, true, "aes256-ctr"), 3072,
                        Status.PASS, Status.PASS),
                Arguments.of("RSA 3072 without a passphrase", key("id_rsa", "openssh-key-v1", "ssh-rsa", 3072, false, "none"), 4096,
                        Status.WARN, Status.FAIL),
                Arguments.of("ed25519 with a passphrase", key("id_ed25519", "openssh-key-v1", "ssh-ed25519", 256, true, "aes256-ctr"),
                        4096, Status.PASS, Status.PASS),
                Arguments.of("RSA 1024 fails either way", key("rsa_1", "PEM (PKCS#1)", "ssh-rsa", 1024, false, "none"), 3072,
                        Status.FAIL, Status.FAIL),
                Arguments.of("encrypted RSA of unknown size stays unknown", new SshPrivateKey("~/.ssh/id_rsa", "PEM (PKCS#1)", "ssh-rsa",
                        0, true, "AES-128-CBC", Optional.empty(), "encrypted; its size is unknown without the .pub file beside it"), 3072,
                        Status.UNKNOWN, Status.UNKNOWN));
    }

    @ParameterizedTest(name = "{0}, policy {2} bits")
    @MethodSource("againstTheMinimumRsaSize")
    void rsaBelowThePolicysMinimumFailsNamingTheRule(String name, SshPrivateKey key, int minimum, Status without, Status with) {
        Finding lenient = HARNESS.runSingle(facts(key));
        Finding strict = HARNESS.policy(Policies.of("keys: {min-rsa-bits: " + minimum + "}")).runSingle(facts(key));

        assertThat(lenient.status()).as(lenient.message()).isEqualTo(without);
        assertThat(lenient.message()).doesNotContain("policy");
        assertThat(strict.status()).as(strict.message()).isEqualTo(with);
        if (with == Status.FAIL && without != Status.FAIL) {
            assertThat(strict.message()).contains("the team policy accepts RSA keys of at least " + minimum
                    + " bits (policy team.yaml (keys.min-rsa-bits))");
            assertThat(strict.evidence()).contains(Evidence.of("least RSA size accepted", minimum + " bits",
                    "policy team.yaml (keys.min-rsa-bits)"));
            assertThat(strict.evidence()).extracting(Evidence::label).as("listed in the playbook").contains("credential");
        }
    }

    @Test
    void anUnencryptedKeyRegisteredOnGitHubFails() {
        SshPrivateKey key = key("id_ed25519", "openssh-key-v1", "ssh-ed25519", 256, false, "none");
        FakeFacts facts = facts(key).with(GitHubAuthKeys.of("octocat"), new GitHubAuthKeys("octocat",
                List.of(new GitHubAuthKeys.Key(1, "ssh-ed25519", 256, ED25519_1))));

        Finding finding = HARNESS.targets(TargetsBuilder.targets().githubUser("octocat").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.message()).contains("registered on GitHub for octocat");
        assertThat(finding.evidence()).contains(Evidence.of("registered on GitHub", "an authentication key of octocat",
                "GET /users/octocat/keys"));
        assertThat(finding.evidence()).extracting(Evidence::label).contains("credential", "can publish");
    }

    @Test
    void anUnencryptedGitHubSigningKeyFails() {
        SshPrivateKey key = key("id_ed25519", "openssh-key-v1", "ssh-ed25519", 256, false, "none");
        FakeFacts facts = facts(key).with(GitHubAuthKeys.of("octocat"), new GitHubAuthKeys("octocat", List.of()))
                .with(GitHubAuthKeys.signingOf("octocat"), new GitHubAuthKeys("octocat",
                        List.of(new GitHubAuthKeys.Key(7, "ssh-ed25519", 256, ED25519_1))));

        Finding finding = HARNESS.targets(TargetsBuilder.targets().githubUser("octocat").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.message()).contains("signing key", "Verified");
        assertThat(finding.evidence()).contains(Evidence.of("registered on GitHub", "a signing key of octocat",
                "GET /users/octocat/ssh_signing_keys"));
    }

    @Test
    void anUnencryptedKeyNotOnGitHubOnlyWarnsAndSaysWhatWasCompared() {
        SshPrivateKey key = key("id_ed25519", "openssh-key-v1", "ssh-ed25519", 256, false, "none");
        FakeFacts facts = facts(key).with(GitHubAuthKeys.of("octocat"), new GitHubAuthKeys("octocat",
                List.of(new GitHubAuthKeys.Key(1, "ssh-rsa", 1024, RSA_1))));

        Finding finding = HARNESS.targets(TargetsBuilder.targets().githubUser("octocat").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.WARN);
    }

    @Test
    void githubKeysThatCannotBeReadAreNotedAndTheVerdictFallsBackToTheFile() {
        SshPrivateKey key = key("id_ed25519", "openssh-key-v1", "ssh-ed25519", 256, false, "none");
        FakeFacts facts = facts(key).unavailable(GitHubAuthKeys.of("octocat"),
                Unavailability.of(Cause.RATE_LIMITED, "GitHub rate limit reached", "wait"));

        Finding finding = HARNESS.targets(TargetsBuilder.targets().githubUser("octocat").build()).runSingle(facts);

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.evidence()).contains(Evidence.of("not compared with GitHub", "octocat: GitHub rate limit reached", ""));
    }

    @Test
    void noKeysIsNotApplicable() {
        Finding finding = HARNESS.runSingle(FakeFacts.none().with(WorkstationFacts.SSH_KEYS, new SshKeys("~/.ssh", false, List.of(), List.of())));

        assertThat(finding.status()).isEqualTo(Status.NOT_APPLICABLE);
        assertThat(finding.message()).contains("does not exist");
    }

    private static FakeFacts facts(SshPrivateKey key) {
        return FakeFacts.none().with(WorkstationFacts.SSH_KEYS, new SshKeys("~/.ssh", true, List.of(key), List.of()));
    }

    private static SshPrivateKey key(String name, String format, String type, int bits, boolean encrypted, String cipher) {
        return new SshPrivateKey("~/.ssh/" + name, format, type, bits, encrypted, cipher, Optional.of(ED25519_1), "");
    }
}
