package dev.hardening.auditor.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.testing.Fixtures;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every OpenPGP key of the fixture corpus with its expected classification, as {@code gpg --show-keys
 * --with-colons} reports it (algorithm, size, key id, creation, expiry, revocation, capabilities).
 */
class OpenPgpKeysTest {
    private static final Instant AUDIT = Instant.parse("2026-06-01T12:00:00Z");

    /** file, primary key, key id, created, expires (null: never), revoked, signing keys, every subkey. */
    static Stream<Arguments> corpus() {
        return Stream.of(
                key("rsa1024_pgpy_targette.pub.asc", "RSA 1024", "0E79E47169AEC37A", 1411074782L, null, false,
                        List.of("RSA 1024 0E79E47169AEC37A"), List.of()),
                key("rsa1024_revoked_pgpy_revochiio.pub.asc", "RSA 1024", "560CF308EF60CFA3", 1410476153L, 1536714059L, true,
                        List.of("RSA 1024 560CF308EF60CFA3", "RSA 1024 2A1AC69B54108429"),
                        List.of("RSA 1024 2A1AC69B54108429 [SIGN] revoked")),
                key("rsa2047_odd_bitlength_openpgpjs.pub.asc", "RSA 2047", "14AB44C74D1BDAB8", 1464904633L, null, false,
                        List.of("RSA 2047 14AB44C74D1BDAB8"), List.of("RSA 2047 128A50B966C67E52 [ENCRYPT]")),
                key("rsa2048_pgpy_rsa.1.pub.asc", "RSA 2048", "37473B3758C44F36", 1406150364L, null, false,
                        List.of("RSA 2048 2A834D8E5918E886"),
                        List.of("RSA 2048 2A834D8E5918E886 [SIGN]", "RSA 2048 EEE097A017B979CA [ENCRYPT]")),
                key("rsa3072_cv25519_pgpy_mixed.1.pub.asc", "RSA 3072", "FFBB34FB15B93AE2", 1563566757L, null, false,
                        List.of("RSA 3072 FFBB34FB15B93AE2"), List.of("ECDH Curve25519 B345506C90A428C5 [ENCRYPT]")),
                key("rsa4096_expired_debian-sid_archive_key.pub.asc", "RSA 4096", "8B48AD6246925553", 1335553717L, 1587841717L,
                        false, List.of("RSA 4096 8B48AD6246925553"), List.of()),
                key("rsa4096_expired_aptapproval-test.pub.asc", "RSA 4096", "CE570774D0FDCA20", 1358293262L, 1673668932L, false,
                        List.of("RSA 4096 CE570774D0FDCA20"), List.of()),
                key("dsa1024_elgamal_pgpy_dsapubkey.asc", "DSA 1024", "B798AE8990877201", 1487704901L, null, false,
                        List.of("DSA 1024 B798AE8990877201"), List.of("ElGamal 1024 DC7559575AD0B00C [ENCRYPT]")),
                key("dsa2048_elgamal_pgpy_dsa.1.pub.asc", "DSA 2048", "2B474BB02084C712", 1406149386L, null, false,
                        List.of("DSA 2048 A5DCDC966453140E"),
                        List.of("DSA 2048 A5DCDC966453140E [SIGN]", "ElGamal 2048 1FD6D5D4DA0170C4 [ENCRYPT]")),
                key("ecdsa_p256_ecdh_pgpy_ecc.1.pub.asc", "ECDSA NIST P-256", "D01055FBCADD268E", 1297309478L, null, false,
                        List.of("ECDSA NIST P-256 D01055FBCADD268E"), List.of("ECDH NIST P-256 A81B93FD16BD9806 [ENCRYPT]")),
                key("ed25519_cv25519_pgpy_ecc.2.pub.asc", "EdDSA Ed25519", "062E6AC5205D871E", 1556031089L, null, false,
                        List.of("EdDSA Ed25519 062E6AC5205D871E"), List.of("ECDH Curve25519 AFC377493D8E897D [ENCRYPT]")),
                key("rsa512_expired_PRIVATE_pgpy_expyro.asc", "RSA 512", "1A48291AFB91A533", 0L, 86400L, false,
                        List.of("RSA 512 1A48291AFB91A533"), List.of()));
    }

    private static Arguments key(String file, String primary, String keyId, long created, Long expires, boolean revoked,
                                 List<String> signing, List<String> subkeys) {
        return Arguments.of(file, primary, keyId, created, expires, revoked, signing, subkeys);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corpus")
    void classifiesEveryKeyOfTheCorpus(String file, String primary, String keyId, long created, Long expires,
                                       boolean revoked, List<String> signing, List<String> subkeys) throws Exception {
        OpenPgpCertificate cert = OpenPgpKeys.parse(Fixtures.text("openpgp/" + file));

        assertThat(cert.primary().description().display()).isEqualTo(primary);
        assertThat(cert.primary().keyId()).isEqualTo(keyId);
        assertThat(cert.primary().fingerprint()).hasSize(40).endsWith(keyId);
        assertThat(cert.primary().createdAt()).isEqualTo(Instant.ofEpochSecond(created));
        assertThat(cert.primary().expiresAt()).isEqualTo(java.util.Optional.ofNullable(expires).map(Instant::ofEpochSecond));
        assertThat(cert.primary().revoked()).isEqualTo(revoked);
        assertThat(cert.primary().expiredAt(AUDIT)).isEqualTo(expires != null);
        assertThat(cert.signingKeys()).extracting(k -> k.description().display() + " " + k.keyId())
                .containsExactlyElementsOf(signing);
        assertThat(cert.subkeys()).extracting(k -> k.description().display() + " " + k.keyId() + " "
                        + k.usage().stream().sorted().toList() + (k.revoked() ? " revoked" : ""))
                .containsExactlyElementsOf(subkeys);
        assertThat(cert.fromSecretKey()).isEqualTo(file.contains("PRIVATE"));
    }

    @Test
    void expiryIsJudgedByTheAuditClockNotTheWallClock() throws Exception {
        OpenPgpKey debian = OpenPgpKeys.parse(Fixtures.text("openpgp/rsa4096_expired_debian-sid_archive_key.pub.asc")).primary();

        assertThat(debian.expiredAt(Instant.parse("2020-04-25T19:08:36Z"))).isFalse();
        assertThat(debian.expiredAt(Instant.parse("2020-04-25T19:08:37Z"))).isTrue();
    }

    @Test
    void aRevocationCertificateGivenAfterTheKeyRevokesIt() throws Exception {
        String key = Fixtures.text("openpgp/rsa2048_pgpy_rsa.1.pub.asc");
        String revocation = Fixtures.text("openpgp/revocation_signature_for_rsa.1.asc");

        OpenPgpCertificate before = OpenPgpKeys.parse(key);
        OpenPgpCertificate after = OpenPgpKeys.parse(key + "\n" + revocation);

        assertThat(before.primary().revoked()).isFalse();
        assertThat(after.primary().revoked()).isTrue();
        assertThat(after.subkeys()).allSatisfy(s -> assertThat(s.revoked()).as("subkeys go with their primary").isTrue());
    }

    @Test
    void aRevocationCertificateOfAnotherKeyDoesNotRevoke() throws Exception {
        String other = Fixtures.text("openpgp/rsa1024_pgpy_targette.pub.asc");
        String revocation = Fixtures.text("openpgp/revocation_signature_for_rsa.1.asc");

        assertThat(OpenPgpKeys.parse(other + revocation).primary().revoked()).isFalse();
    }

    @Test
    void githubRawKeyWithCrLfLineEndsIsRead() throws Exception {
        String raw = Fixtures.json("github/get_users_gpg_keys_ed25519.json").get(0).get("raw_key").asText();

        OpenPgpCertificate cert = OpenPgpKeys.parse(raw);

        assertThat(cert.primary().keyId()).isEqualTo("3B460BA9A59048C9");
        assertThat(cert.primary().description().display()).isEqualTo("EdDSA Ed25519");
        assertThat(cert.primary().canSign()).isTrue();
        assertThat(cert.subkeys()).extracting(k -> k.keyId() + " " + k.description().display())
                .containsExactly("8EF2411709BAC3A4 ECDH Curve25519");
    }

    @Test
    void githubPublicKeyPacketsAreDescribedWithoutTheArmoredKey() throws Exception {
        var keys = Fixtures.json("github/get_users_gpg_keys_ed25519.json");
        byte[] primary = Base64.getDecoder().decode(keys.get(0).get("public_key").asText());
        byte[] subkey = Base64.getDecoder().decode(keys.get(0).get("subkeys").get(0).get("public_key").asText());

        assertThat(OpenPgpKeys.describePacket(primary).display()).isEqualTo("EdDSA Ed25519");
        assertThat(OpenPgpKeys.describePacket(subkey).display()).isEqualTo("ECDH Curve25519");
    }

    static Stream<Arguments> malformed() {
        String good = Fixtures.text("openpgp/rsa3072_cv25519_pgpy_mixed.1.pub.asc");
        String body = good.substring(good.indexOf("\n\n") + 2);
        return Stream.of(
                Arguments.of("empty", "", "no key material"),
                Arguments.of("not armored", "mQENBFPQJtwBCAC6zDYtoJ06t1S1NDOV3Hi+FOGDnfNIl0eTnVJyvLHKpLMkF8", "not an ASCII-armored"),
                Arguments.of("cut in the middle", good.substring(0, good.length() / 2), "truncated"),
                Arguments.of("base64 garbage", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n!!!!not base64 at all!!!!\n"
                        + "-----END PGP PUBLIC KEY BLOCK-----\n", "cannot be decoded"),
                Arguments.of("checksum wrong", good.replaceFirst("\n=[A-Za-z0-9+/]{4}\n", "\n=AAAA\n"), "cannot be decoded"),
                Arguments.of("packets cut short", "-----BEGIN PGP PUBLIC KEY BLOCK-----\n\n"
                        + body.substring(0, 64) + "\n-----END PGP PUBLIC KEY BLOCK-----\n", "malformed"),
                Arguments.of("only a revocation", Fixtures.text("openpgp/revocation_signature_for_rsa.1.asc"), "no key"),
                Arguments.of("huge", "x".repeat(OpenPgpKeys.MAX_INPUT_CHARS + 1), "larger than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedKeysGiveAClearReasonNotACrash(String name, String input, String reason) {
        KeyFormatException e = catchThrowableOfType(KeyFormatException.class, () -> OpenPgpKeys.parse(input));

        assertThat(e).as("a KeyFormatException").isNotNull();
        assertThat(e.getMessage()).contains(reason).doesNotContain("mQENBF");
    }

    @Test
    void malformedPacketsGiveAClearReason() {
        assertThatThrownBy(() -> OpenPgpKeys.describePacket(new byte[] {(byte) 0xC6, 0x33, 0x04}))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("malformed or truncated");
        assertThatThrownBy(() -> OpenPgpKeys.describePacket(new byte[0]))
                .isInstanceOf(KeyFormatException.class).hasMessageContaining("no key packet");
    }
}
