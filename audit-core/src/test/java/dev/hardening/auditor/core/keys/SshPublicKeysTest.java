package dev.hardening.auditor.core.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.hardening.auditor.core.testing.Fixtures;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every OpenSSH public key of the fixture corpus with its classification, as {@code ssh-keygen -l} reports it. */
class SshPublicKeysTest {

    /** file, key as described, security key, fingerprint (ssh-keygen -l), certificate (or null). */
    static Stream<Arguments> corpus() {
        return Stream.of(
                Arguments.of("dsa_1.pub", "DSA 1024", false, "SHA256:kOLgXSoAT8O5T6r36n5NJUYigbux1d7gdH/rmWiJm6s", null),
                Arguments.of("rsa_1.pub", "RSA 1024", false, "SHA256:l6itGumSMcRBBAFteCgmjQBIXqLK/jFGUH3viHX1RmE", null),
                Arguments.of("rsa_2.pub", "RSA 2048", false, "SHA256:NoQh0XBUuYUSWqnzOzOBnfpgJTRWLMj7BlWAb8IbjeE", null),
                Arguments.of("ecdsa_1.pub", "ECDSA NIST P-256", false, "SHA256:8ty77fOpABat1y88aNdclQTfU+lVvWe7jYZGw8VYtfg", null),
                Arguments.of("ecdsa_2.pub", "ECDSA NIST P-521", false, "SHA256:ed8YniRHA6qCrErCRnzrWxPHxYuA62a+CAFYUVxJgaI", null),
                Arguments.of("ed25519_1.pub", "EdDSA Ed25519", false, "SHA256:L3k/oJubblSY0lB9Ulsl7emDMnRPKm/8udf2ccwk560", null),
                Arguments.of("ed25519_2.pub", "EdDSA Ed25519", false, "SHA256:vMbaARqVciRgXyZPNHDo+P5p5WK5yWG1Oo6VC35Bomw", null),
                Arguments.of("ecdsa_sk1.pub", "ECDSA NIST P-256", true, "SHA256:Go7HO0CVPYG+BSDSk9ZUJBKGSrtBExp6obTa9iqzIUo", null),
                Arguments.of("ed25519_sk1.pub", "EdDSA Ed25519", true, "SHA256:6WZVJ44bqhAWLVP4Ns0TDkoSQSsZo/h2K+mEvOaNFbw", null),
                // ssh-keygen -L: host certificates valid 1998-12-31T23:00:00Z to 2010-12-31T23:00:00Z, both signed by the Ed25519 CA ed25519_1.
                Arguments.of("rsa_1-cert.pub", "RSA 1024", false, "SHA256:l6itGumSMcRBBAFteCgmjQBIXqLK/jFGUH3viHX1RmE",
                        "host 1998-12-31T23:00:00Z..2010-12-31T23:00:00Z CA EdDSA Ed25519"),
                Arguments.of("ed25519_1-cert.pub", "EdDSA Ed25519", false, "SHA256:L3k/oJubblSY0lB9Ulsl7emDMnRPKm/8udf2ccwk560",
                        "host 1998-12-31T23:00:00Z..2010-12-31T23:00:00Z CA EdDSA Ed25519"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("corpus")
    void classifiesEveryKeyOfTheCorpus(String file, String description, boolean securityKey, String fingerprint,
                                       String certificate) throws Exception {
        String line = Fixtures.text("openssh/public/" + file);

        SshPublicKey key = SshPublicKeys.parse(line);

        assertThat(key.type()).isEqualTo(line.split(" ")[0]);
        assertThat(key.description().display()).isEqualTo(description);
        assertThat(key.securityKey()).isEqualTo(securityKey);
        assertThat(key.fingerprint()).isEqualTo(fingerprint);
        assertThat(key.certificate().map(c -> c.kind() + " " + c.validAfter().orElseThrow() + ".."
                + c.validBefore().orElseThrow() + " CA " + c.signingCa().display())).isEqualTo(Optional.ofNullable(certificate));
        assertThat(key.expiredAt(Instant.parse("2026-06-01T00:00:00Z"))).isEqualTo(certificate != null);
        assertThat(key.expiredAt(Instant.parse("2005-06-01T00:00:00Z"))).isFalse();
    }

    @Test
    void githubSigningKeyAndRecordedAuthenticationKeysAreRead() throws Exception {
        String brew = Fixtures.json("github/get_users_ssh_signing_keys_brewtestbot.json").get(0).get("key").asText();
        var rtyler = Fixtures.json("github/get_users_rtyler_keys.json");

        assertThat(SshPublicKeys.parse(brew).description().display()).isEqualTo("EdDSA Ed25519");
        // The first of rtyler's keys has the public exponent 35 (AAAAASM=), an old ssh-keygen default.
        assertThat(SshPublicKeys.parse(rtyler.get(0).get("key").asText()).description().display()).isEqualTo("RSA 2048");
        assertThat(SshPublicKeys.parse(rtyler.get(1).get("key").asText()).description().display()).isEqualTo("RSA 2048");
        assertThat(SshPublicKeys.parse(rtyler.get(2).get("key").asText()).description().display()).isEqualTo("RSA 4096");
    }

    static Stream<Arguments> malformed() {
        String ed = Fixtures.text("openssh/public/ed25519_1.pub").trim();
        String[] parts = ed.split(" ");
        byte[] blob = Base64.getDecoder().decode(parts[1]);
        byte[] hugeLength = blob.clone();
        hugeLength[0] = 0x7F;
        String cert = Fixtures.text("openssh/public/rsa_1-cert.pub").trim().split(" ")[1];
        return Stream.of(
                Arguments.of("empty", "", "no key material"),
                Arguments.of("type only", "ssh-ed25519", "truncated"),
                Arguments.of("unknown type", "ssh-foo AAAA", "not an SSH public key type"),
                Arguments.of("control characters in the type are not echoed", "ssh-\u001b[31m AAAA", "ssh-?[31m"),
                Arguments.of("not base64", "ssh-ed25519 %%%%", "not valid base64"),
                Arguments.of("blob cut short", "ssh-ed25519 " + parts[1].substring(0, 30), "truncated"),
                Arguments.of("type mismatch", "ssh-rsa " + parts[1], "but the line says 'ssh-rsa'"),
                Arguments.of("length field claims 2 GB", "ssh-ed25519 " + Base64.getEncoder().encodeToString(hugeLength), "truncated"),
                Arguments.of("certificate cut short", "ssh-rsa-cert-v01@openssh.com " + cert.substring(0, cert.length() / 2), "truncated"),
                Arguments.of("huge line", "ssh-rsa " + "A".repeat(SshPublicKeys.MAX_LINE_CHARS), "longer than"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformed")
    void malformedKeysGiveAClearReasonNotACrash(String name, String line, String reason) {
        KeyFormatException e = catchThrowableOfType(KeyFormatException.class, () -> SshPublicKeys.parse(line));

        assertThat(e).as("a KeyFormatException").isNotNull();
        assertThat(e.getMessage()).contains(reason);
    }

    @Test
    void aBadEcPointIsRefusedByBouncyCastle() {
        String ecdsa = Fixtures.text("openssh/public/ecdsa_1.pub").trim().split(" ")[1];
        byte[] blob = Base64.getDecoder().decode(ecdsa);
        blob[blob.length - 1] ^= 0x01; // the point is no longer on the curve
        String line = "ecdsa-sha2-nistp256 " + Base64.getEncoder().encodeToString(blob);

        KeyFormatException e = catchThrowableOfType(KeyFormatException.class, () -> SshPublicKeys.parse(line));

        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains("malformed");
    }
}
