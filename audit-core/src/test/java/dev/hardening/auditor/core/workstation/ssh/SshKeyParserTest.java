package dev.hardening.auditor.core.workstation.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hardening.auditor.core.facts.workstation.SshPrivateKey;
import dev.hardening.auditor.core.keys.SshPublicKey;
import dev.hardening.auditor.core.testing.Fixtures;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Optional;
import java.util.stream.Stream;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8EncryptorBuilder;
import org.bouncycastle.operator.OutputEncryptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SshKeyParserTest {
    // Fingerprints as `ssh-keygen -l` prints them for the matching public keys of the openssh test data.
    private static final String RSA_1 = "SHA256:l6itGumSMcRBBAFteCgmjQBIXqLK/jFGUH3viHX1RmE";
    private static final String DSA_1 = "SHA256:kOLgXSoAT8O5T6r36n5NJUYigbux1d7gdH/rmWiJm6s";
    private static final String ECDSA_1 = "SHA256:8ty77fOpABat1y88aNdclQTfU+lVvWe7jYZGw8VYtfg";
    private static final String ED25519_1 = "SHA256:L3k/oJubblSY0lB9Ulsl7emDMnRPKm/8udf2ccwk560";
    private static final String ECDSA_SK1 = "SHA256:Go7HO0CVPYG+BSDSk9ZUJBKGSrtBExp6obTa9iqzIUo";
    private static final String ED25519_SK1 = "SHA256:6WZVJ44bqhAWLVP4Ns0TDkoSQSsZo/h2K+mEvOaNFbw";

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("rsa_1", "PEM (PKCS#1)", "ssh-rsa", 1024, false, RSA_1),
                Arguments.of("rsa_n", "openssh-key-v1", "ssh-rsa", 1024, false, RSA_1),
                Arguments.of("rsa_n_pw", "openssh-key-v1", "ssh-rsa", 1024, true, RSA_1),
                Arguments.of("dsa_1", "PEM (PKCS#1)", "ssh-dss", 1024, false, DSA_1),
                Arguments.of("ecdsa_1", "PEM (SEC1)", "ecdsa-sha2-nistp256", 256, false, ECDSA_1),
                Arguments.of("ecdsa_n", "openssh-key-v1", "ecdsa-sha2-nistp256", 256, false, ECDSA_1),
                Arguments.of("ed25519_1", "openssh-key-v1", "ssh-ed25519", 256, false, ED25519_1),
                Arguments.of("ed25519_1_pw", "openssh-key-v1", "ssh-ed25519", 256, true, ED25519_1),
                Arguments.of("ecdsa_sk1", "openssh-key-v1", "sk-ecdsa-sha2-nistp256@openssh.com", 256, false, ECDSA_SK1),
                Arguments.of("ed25519_sk1", "openssh-key-v1", "sk-ssh-ed25519@openssh.com", 256, false, ED25519_SK1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void describesEachKeyWithoutItsSecret(String name, String format, String type, int bits, boolean encrypted, String fingerprint) {
        SshPrivateKey key = parse(name, Optional.empty());

        assertThat(key.format()).isEqualTo(format);
        assertThat(key.type()).isEqualTo(type);
        assertThat(key.bits()).isEqualTo(bits);
        assertThat(key.encrypted()).isEqualTo(encrypted);
        assertThat(key.fingerprint()).contains(fingerprint);
        assertThat(key.problem()).isEmpty();
    }

    @Test
    void openSshCipherIsNamedAndSecurityKeysAreHardwareBacked() {
        assertThat(parse("ed25519_1_pw", Optional.empty()).cipher()).isEqualTo("aes256-ctr");
        assertThat(parse("ed25519_1", Optional.empty()).cipher()).isEqualTo("none");
        assertThat(parse("ed25519_sk1", Optional.empty()).hardwareBacked()).isTrue();
        assertThat(parse("ed25519_1", Optional.empty()).hardwareBacked()).isFalse();
    }

    @Test
    void encryptedPemKeysAreDetectedFromProcTypeAndSizedFromTheirPublicKey() {
        SshPrivateKey alone = parse("rsa_1_pw", Optional.empty());
        SshPrivateKey withPub = parse("rsa_1_pw", Optional.of(Fixtures.text("openssh/public/rsa_1.pub")));

        assertThat(alone.encrypted()).isTrue();
        assertThat(alone.cipher()).isEqualTo("AES-128-CBC");
        assertThat(alone.type()).isEqualTo("ssh-rsa");
        assertThat(alone.bits()).isZero();
        assertThat(alone.problem()).contains(".pub");
        assertThat(withPub.bits()).isEqualTo(1024);
        assertThat(withPub.fingerprint()).contains(RSA_1);
        assertThat(parse("ecdsa_1_pw", Optional.of(Fixtures.text("openssh/public/ecdsa_1.pub"))).fingerprint()).contains(ECDSA_1);
    }

    @Test
    void pkcs8KeysEncryptedOrNot() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        StringWriter plain = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(plain)) {
            w.writeObject(new JcaPKCS8Generator(pair.getPrivate(), null));
        }
        OutputEncryptor encryptor = new JceOpenSSLPKCS8EncryptorBuilder(JcaPKCS8Generator.AES_256_CBC)
                .setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider()).setPassword("not-tried".toCharArray()).build();
        StringWriter encrypted = new StringWriter();
        try (JcaPEMWriter w = new JcaPEMWriter(encrypted)) {
            w.writeObject(new JcaPKCS8Generator(pair.getPrivate(), encryptor));
        }

        SshPrivateKey p = SshKeyParser.parse(plain.toString(), "~/.ssh/pkcs8", Optional.empty()).orElseThrow();
        SshPrivateKey e = SshKeyParser.parse(encrypted.toString(), "~/.ssh/pkcs8_enc", Optional.empty()).orElseThrow();

        assertThat(plain.toString()).contains("BEGIN PRIVATE KEY");
        assertThat(p).extracting(SshPrivateKey::format, SshPrivateKey::type, SshPrivateKey::bits, SshPrivateKey::encrypted)
                .containsExactly("PEM (PKCS#8)", "ssh-rsa", 2048, false);
        assertThat(encrypted.toString()).contains("BEGIN ENCRYPTED PRIVATE KEY");
        assertThat(e.encrypted()).isTrue();
        assertThat(e.cipher()).startsWith("PKCS#8");
    }

    @Test
    void puttyKeysAreRead() {
        String ppk = """
                PuTTY-User-Key-File-3: ssh-ed25519
                Encryption: none
                Comment: test
                Public-Lines: 2
                AAAAC3NzaC1lZDI1NTE5AAAAIFOG6kY7Rf4UtCFvPwKgo/BztXck2xC4a2WyA34X
                tIwZ
                Private-Lines: 1
                AAAAIFOG6kY7Rf4UtCFvPwKgo/BztXck2xC4a2WyA34XtIwZ
                Private-MAC: 00
                """;

        SshPrivateKey key = SshKeyParser.parse(ppk, "~/.ssh/key.ppk", Optional.empty()).orElseThrow();

        assertThat(key.type()).isEqualTo("ssh-ed25519");
        assertThat(key.encrypted()).isFalse();
        assertThat(key.fingerprint()).contains(ED25519_1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5v\n-----END OPENSSH PRIVATE KEY-----\n",
            "-----BEGIN OPENSSH PRIVATE KEY-----\n!!!not base64!!!\n-----END OPENSSH PRIVATE KEY-----\n",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAAB\n",
            "-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDLV5lUTt7FrADseB\n-----END RSA PRIVATE KEY-----\n",
            "-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAf////w==\n-----END OPENSSH PRIVATE KEY-----\n"})
    void malformedKeysAreReportedNotThrown(String text) {
        SshPrivateKey key = SshKeyParser.parse(text, "~/.ssh/broken", Optional.empty()).orElseThrow();

        assertThat(key.problem()).contains("malformed");
        assertThat(key.format()).isEqualTo("unreadable");
    }

    @Test
    void aKeyTypeThatCannotBeSizedIsStillAPrivateKeyWithItsPassphraseState() {
        byte[] blob = wire(wireString("ssh-ed448".getBytes(StandardCharsets.US_ASCII)), wireString(new byte[57]));
        byte[] file = wire("openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII), wireString("none".getBytes(StandardCharsets.US_ASCII)),
                wireString("none".getBytes(StandardCharsets.US_ASCII)), wireString(new byte[0]), new byte[] {0, 0, 0, 1}, wireString(blob));
        String text = "-----BEGIN OPENSSH PRIVATE KEY-----\n" + Base64.getMimeEncoder().encodeToString(file)
                + "\n-----END OPENSSH PRIVATE KEY-----\n";

        SshPrivateKey key = SshKeyParser.parse(text, "~/.ssh/id_ed448", Optional.empty()).orElseThrow();

        assertThat(key.type()).isEqualTo("ssh-ed448");
        assertThat(key.bits()).isZero();
        assertThat(key.encrypted()).isFalse();
        assertThat(key.fingerprint()).hasValueSatisfying(f -> assertThat(f).startsWith("SHA256:"));
        assertThat(key.problem()).contains("not an SSH public key type this auditor knows");
    }

    private static byte[] wireString(byte[] value) {
        return wire(java.nio.ByteBuffer.allocate(4).putInt(value.length).array(), value);
    }

    private static byte[] wire(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void otherFilesAreNotKeys() {
        assertThat(SshKeyParser.parse(Fixtures.text("openssh/public/rsa_1.pub"), "~/.ssh/id_rsa.pub", Optional.empty())).isEmpty();
        assertThat(SshKeyParser.parse("Host github.com\n  IdentityFile ~/.ssh/id_ed25519\n", "~/.ssh/config", Optional.empty())).isEmpty();
    }

    @Test
    void publicKeyLinesGiveTypeSizeAndFingerprint() {
        assertThat(SshKeyParser.publicKeyFile(Fixtures.text("openssh/public/rsa_2.pub")).orElseThrow())
                .extracting(SshPublicKey::type, k -> k.description().bits().orElse(0))
                .containsExactly("ssh-rsa", 2048);
        assertThat(SshKeyParser.publicKeyFile("ssh-rsa not-base64!")).isEmpty();
        assertThat(SshKeyParser.publicKeyFile("")).isEmpty();
        assertThat(parse("rsa_1_pw", Optional.of("ssh-rsa not-base64!")).bits()).as("a broken .pub leaves the size unknown").isZero();
    }

    private static SshPrivateKey parse(String name, Optional<String> pub) {
        return SshKeyParser.parse(Fixtures.text("openssh/private/" + name), "~/.ssh/" + name, pub).orElseThrow();
    }
}
