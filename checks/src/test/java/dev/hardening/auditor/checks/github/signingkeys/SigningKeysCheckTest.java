package dev.hardening.auditor.checks.github.signingkeys;

import static dev.hardening.auditor.core.testing.TargetsBuilder.targets;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hardening.auditor.checks.recorded.RecordedGitHub;
import dev.hardening.auditor.core.facts.Unavailability.Cause;
import dev.hardening.auditor.core.facts.github.GitHubFacts;
import dev.hardening.auditor.core.facts.github.GitHubGpgKey;
import dev.hardening.auditor.core.facts.github.GitHubGpgKeys;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKey;
import dev.hardening.auditor.core.facts.github.GitHubSshSigningKeys;
import dev.hardening.auditor.core.model.Evidence;
import dev.hardening.auditor.core.model.Finding;
import dev.hardening.auditor.core.model.Status;
import dev.hardening.auditor.core.testing.CheckHarness;
import dev.hardening.auditor.core.testing.FakeFacts;
import dev.hardening.auditor.core.testing.Fixtures;
import dev.hardening.auditor.core.testing.Policies;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SigningKeysCheckTest {
    private static final String LOGIN = "octo";
    private static final CheckHarness HARNESS = CheckHarness.of(new SigningKeysCheck())
            .targets(targets().githubUser(LOGIN).build());

    /** GitHub's gpg_keys object as recorded, with the fixture key as its raw_key. */
    private static GitHubGpgKey gpg(String file) {
        ObjectNode key = (ObjectNode) Fixtures.json("github/get_users_gpg_keys_ed25519.json").get(0);
        key.put("raw_key", Fixtures.text("openpgp/" + file));
        return RecordedGitHub.gpgKey(key);
    }

    /** GitHub's ssh_signing_keys object as recorded, with the fixture key as its key. */
    private static GitHubSshSigningKey ssh(String file) {
        ObjectNode key = (ObjectNode) Fixtures.json("github/get_users_ssh_signing_keys_brewtestbot.json").get(0);
        key.put("key", Fixtures.text("openssh/" + file).trim());
        return RecordedGitHub.sshKey(key);
    }

    private static FakeFacts keys(List<GitHubGpgKey> gpg, List<GitHubSshSigningKey> ssh) {
        return FakeFacts.none().with(GitHubFacts.gpgKeys(LOGIN), new GitHubGpgKeys(LOGIN, gpg))
                .with(GitHubFacts.sshSigningKeys(LOGIN), new GitHubSshSigningKeys(LOGIN, ssh));
    }

    /** Every OpenPGP key of the corpus as the only key of an account, judged on 2026-06-01. */
    static Stream<Arguments> gpgCorpus() {
        return Stream.of(
                Arguments.of("rsa1024_pgpy_targette.pub.asc", Status.FAIL, "weak"),
                Arguments.of("rsa1024_revoked_pgpy_revochiio.pub.asc", Status.FAIL, "expired or revoked"),
                Arguments.of("rsa2047_odd_bitlength_openpgpjs.pub.asc", Status.FAIL, "RSA 2047"),
                Arguments.of("rsa2048_pgpy_rsa.1.pub.asc", Status.WARN, "RSA 2048"),
                Arguments.of("rsa3072_cv25519_pgpy_mixed.1.pub.asc", Status.PASS, "strong"),
                Arguments.of("rsa4096_expired_debian-sid_archive_key.pub.asc", Status.FAIL, "expired or revoked"),
                Arguments.of("rsa4096_expired_aptapproval-test.pub.asc", Status.FAIL, "expired or revoked"),
                Arguments.of("dsa1024_elgamal_pgpy_dsapubkey.asc", Status.FAIL, "DSA 1024"),
                Arguments.of("dsa2048_elgamal_pgpy_dsa.1.pub.asc", Status.FAIL, "DSA 2048"),
                Arguments.of("ecdsa_p256_ecdh_pgpy_ecc.1.pub.asc", Status.PASS, "strong"),
                Arguments.of("ed25519_cv25519_pgpy_ecc.2.pub.asc", Status.PASS, "strong"),
                Arguments.of("rsa512_expired_PRIVATE_pgpy_expyro.asc", Status.FAIL, "expired or revoked"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("gpgCorpus")
    void everyGpgKeyOfTheCorpus(String file, Status status, String said) {
        Finding finding = HARNESS.runSingle(keys(List.of(gpg(file)), List.of()));

        assertThat(finding.status()).isEqualTo(status);
        assertThat(finding.message()).contains(said);
        assertThat(finding.subject()).isEqualTo("github:" + LOGIN);
    }

    /** Every OpenSSH public key of the corpus as the only signing key of an account. */
    static Stream<Arguments> sshCorpus() {
        return Stream.of(
                Arguments.of("dsa_1.pub", Status.FAIL), Arguments.of("rsa_1.pub", Status.FAIL),
                Arguments.of("rsa_2.pub", Status.WARN), Arguments.of("ecdsa_1.pub", Status.PASS),
                Arguments.of("ecdsa_2.pub", Status.PASS), Arguments.of("ed25519_1.pub", Status.PASS),
                Arguments.of("ed25519_2.pub", Status.PASS), Arguments.of("ecdsa_sk1.pub", Status.PASS),
                Arguments.of("ed25519_sk1.pub", Status.PASS),
                // Certificates that expired in 2010.
                Arguments.of("rsa_1-cert.pub", Status.FAIL), Arguments.of("ed25519_1-cert.pub", Status.FAIL));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("sshCorpus")
    void everySshKeyOfTheCorpus(String file, Status status) {
        assertThat(HARNESS.runSingle(keys(List.of(), List.of(ssh(file)))).status()).isEqualTo(status);
    }

    static Stream<Arguments> againstTheMinimumRsaSize() {
        return Stream.of(
                // keys, policy minimum, status without the policy, status with it
                Arguments.of("GPG RSA 2048", keys(List.of(gpg("rsa2048_pgpy_rsa.1.pub.asc")), List.of()), 3072, Status.WARN, Status.FAIL),
                Arguments.of("SSH RSA 2048", keys(List.of(), List.of(ssh("rsa_2.pub"))), 3072, Status.WARN, Status.FAIL),
                Arguments.of("GPG RSA 3072 against 3072", keys(List.of(gpg("rsa3072_cv25519_pgpy_mixed.1.pub.asc")), List.of()), 3072,
                        Status.PASS, Status.PASS),
                Arguments.of("GPG RSA 3072 against 4096", keys(List.of(gpg("rsa3072_cv25519_pgpy_mixed.1.pub.asc")), List.of()), 4096,
                        Status.PASS, Status.FAIL),
                Arguments.of("SSH Ed25519 against 4096", keys(List.of(), List.of(ssh("ed25519_1.pub"))), 4096, Status.PASS, Status.PASS),
                Arguments.of("GPG RSA 1024 is weak either way", keys(List.of(gpg("rsa1024_pgpy_targette.pub.asc")), List.of()), 3072,
                        Status.FAIL, Status.FAIL),
                Arguments.of("an expired RSA 4096 key is not judged by size",
                        keys(List.of(gpg("rsa4096_expired_debian-sid_archive_key.pub.asc")), List.of()), 8192, Status.FAIL, Status.FAIL));
    }

    @ParameterizedTest(name = "{0}, policy {2} bits")
    @MethodSource("againstTheMinimumRsaSize")
    void rsaBelowThePolicysMinimumFailsNamingTheRule(String name, FakeFacts facts, int minimum, Status without, Status with) {
        Finding lenient = HARNESS.runSingle(facts);
        Finding strict = HARNESS.policy(Policies.of("keys: {min-rsa-bits: " + minimum + "}")).runSingle(facts);

        assertThat(lenient.status()).as(lenient.message()).isEqualTo(without);
        assertThat(lenient.message()).doesNotContain("policy");
        assertThat(strict.status()).as(strict.message()).isEqualTo(with);
        assertThat(strict.evidence()).contains(Evidence.of("least RSA size accepted", minimum + " bits",
                "policy team.yaml (keys.min-rsa-bits)"));
        if (with == Status.FAIL && without != Status.FAIL) {
            assertThat(strict.message()).contains("RSA below the team's minimum",
                    "the team policy accepts RSA keys of at least " + minimum + " bits (policy team.yaml (keys.min-rsa-bits))");
        }
    }

    @Test
    void brewTestBotsRecordedSigningKeyPasses() {
        JsonNode recorded = Fixtures.json("github/get_users_ssh_signing_keys_brewtestbot.json");

        Finding finding = HARNESS.runSingle(keys(List.of(), List.of(RecordedGitHub.sshKey(recorded.get(0)))));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.evidence()).singleElement().satisfies(e -> {
            assertThat(e.label()).startsWith("SSH signing key 'BREWTESTBOT_SSH_SIGNING_KEY' SHA256:");
            assertThat(e.value()).startsWith("EdDSA Ed25519; created 2025-02-03");
            assertThat(e.source()).isEqualTo("GET /users/octo/ssh_signing_keys");
        });
    }

    @Test
    void aRecordedKeyWithoutRawKeyCannotBeVouchedFor() {
        List<GitHubGpgKey> recorded = RecordedGitHub.gpgKeys(Fixtures.json("github/get_users_gpg_keys_ed25519.json"));

        Finding finding = HARNESS.runSingle(keys(recorded, List.of()));

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.message()).contains("could not be read").contains("B4DA3BAE7E20B81C");
        assertThat(finding.evidence()).anySatisfy(e -> {
            assertThat(e.label()).isEqualTo("GPG key B4DA3BAE7E20B81C");
            assertThat(e.value()).contains("raw_key is null");
        });
    }

    @Test
    void theDemoMaintainersKeysWarnForTheRsa2048GpgKey() {
        Finding finding = HARNESS.runSingle(keys(List.of(gpg("rsa2048_pgpy_rsa.1.pub.asc")), List.of(ssh("ed25519_1.pub"))));

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.message()).contains("accepted only until 2030");
    }

    @Test
    void aRevocationCertificateAppliedToTheKeyMakesItFail() {
        ObjectNode key = (ObjectNode) Fixtures.json("github/get_users_gpg_keys_ed25519.json").get(0);
        key.put("raw_key", Fixtures.text("openpgp/rsa2048_pgpy_rsa.1.pub.asc") + Fixtures.text("openpgp/revocation_signature_for_rsa.1.asc"));

        Finding finding = HARNESS.runSingle(keys(List.of(RecordedGitHub.gpgKey(key)), List.of()));

        assertThat(finding.status()).isEqualTo(Status.FAIL);
        assertThat(finding.evidence()).allSatisfy(e -> assertThat(e.value()).contains("revoked"));
    }

    @Test
    void expiryIsJudgedByTheAuditClock() {
        FakeFacts facts = keys(List.of(gpg("rsa4096_expired_debian-sid_archive_key.pub.asc")), List.of());

        assertThat(HARNESS.at(Instant.parse("2019-01-01T00:00:00Z")).runSingle(facts).status()).isEqualTo(Status.PASS);
        assertThat(HARNESS.at(Instant.parse("2021-01-01T00:00:00Z")).runSingle(facts).status()).isEqualTo(Status.FAIL);
    }

    @Test
    void anExpiredKeyBesideAStrongOneIsReportedButDoesNotFail() {
        Finding finding = HARNESS.runSingle(keys(List.of(gpg("rsa4096_expired_aptapproval-test.pub.asc")),
                List.of(ssh("ed25519_sk1.pub"))));

        assertThat(finding.status()).isEqualTo(Status.PASS);
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.value()).contains("expired 2023-01-14"));
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.value()).contains("(security key)"));
    }

    @Test
    void noSigningKeyWarns() {
        Finding finding = HARNESS.runSingle(keys(List.of(), List.of()));

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.message()).contains("no GPG or SSH signing key");
    }

    @Test
    void aMalformedKeyGivesAClearFindingNotAnException() {
        ObjectNode gpgKey = (ObjectNode) Fixtures.json("github/get_users_gpg_keys_ed25519.json").get(0);
        String raw = gpgKey.get("raw_key").asText();
        gpgKey.put("raw_key", raw.substring(0, raw.length() / 2));
        ObjectNode sshKey = (ObjectNode) Fixtures.json("github/get_users_ssh_signing_keys_brewtestbot.json").get(0);
        sshKey.put("key", "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIE0Q");

        Finding finding = HARNESS.runSingle(keys(List.of(RecordedGitHub.gpgKey(gpgKey)), List.of(RecordedGitHub.sshKey(sshKey))));

        assertThat(finding.status()).isEqualTo(Status.WARN);
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.value()).contains("its raw_key cannot be read: ").contains("truncated"));
        assertThat(finding.evidence()).anySatisfy(e -> assertThat(e.value()).contains("its key cannot be read: ").contains("truncated"));
    }

    @Test
    void keysThatCouldNotBeFetchedGiveUnknownUnlessAWeakKeyIsAlreadyKnown() {
        FakeFacts strong = FakeFacts.none().unavailable(GitHubFacts.gpgKeys(LOGIN), Cause.RATE_LIMITED)
                .with(GitHubFacts.sshSigningKeys(LOGIN), new GitHubSshSigningKeys(LOGIN, List.of(ssh("ed25519_1.pub"))));
        FakeFacts weak = FakeFacts.none().unavailable(GitHubFacts.gpgKeys(LOGIN), Cause.RATE_LIMITED)
                .with(GitHubFacts.sshSigningKeys(LOGIN), new GitHubSshSigningKeys(LOGIN, List.of(ssh("dsa_1.pub"))));
        FakeFacts neither = FakeFacts.none().unavailable(GitHubFacts.gpgKeys(LOGIN), Cause.NOT_FOUND)
                .unavailable(GitHubFacts.sshSigningKeys(LOGIN), Cause.NOT_FOUND);

        assertThat(HARNESS.runSingle(strong).status()).isEqualTo(Status.UNKNOWN);
        assertThat(HARNESS.runSingle(strong).needed()).isEqualTo("test: what would help");
        assertThat(HARNESS.runSingle(weak).status()).isEqualTo(Status.FAIL);
        assertThat(HARNESS.runSingle(neither).status()).isEqualTo(Status.UNKNOWN);
    }
}
