package dev.hardening.auditor.core.keys;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;

/**
 * Reads OpenSSH public key lines ({@code type base64 [comment]}): {@code ssh-rsa}, {@code ssh-dss},
 * {@code ecdsa-sha2-nistp256/384/521}, {@code ssh-ed25519}, the FIDO {@code sk-} types and the
 * {@code *-cert-v01@openssh.com} certificates. Bouncy Castle's {@link OpenSSHPublicKeyUtil} decodes
 * and validates the key itself (it knows the plain and {@code sk-} types); certificates are unwrapped
 * here with a small wire-format reader, because Bouncy Castle does not read them.
 */
public final class SshPublicKeys {
    static final int MAX_LINE_CHARS = 64 * 1024;
    private static final String CERT_SUFFIX = "-cert-v01@openssh.com";

    /** How many wire fields the key part of each type has (PROTOCOL.certkeys). */
    private static final Map<String, Integer> KEY_FIELDS = Map.of(
            "ssh-rsa", 2,
            "ssh-dss", 4,
            "ecdsa-sha2-nistp256", 2,
            "ecdsa-sha2-nistp384", 2,
            "ecdsa-sha2-nistp521", 2,
            "ssh-ed25519", 1,
            "sk-ecdsa-sha2-nistp256@openssh.com", 3,
            "sk-ssh-ed25519@openssh.com", 2);

    private SshPublicKeys() {
    }

    /** One line as in {@code id_ed25519.pub}, {@code authorized_keys} (without options) or GitHub's {@code key}. */
    public static SshPublicKey parse(String line) throws KeyFormatException {
        if (line == null || line.isBlank()) {
            throw new KeyFormatException("no key material");
        }
        if (line.length() > MAX_LINE_CHARS) {
            throw new KeyFormatException("the key line is longer than " + (MAX_LINE_CHARS >> 10) + " KiB");
        }
        String[] parts = line.trim().split("\\s+", 3);
        String type = parts[0];
        if (!KEY_FIELDS.containsKey(type) && !KEY_FIELDS.containsKey(plainType(type))) {
            throw new KeyFormatException("'" + printable(type) + "' is not an SSH public key type this auditor knows");
        }
        if (parts.length < 2) {
            throw new KeyFormatException("the " + type + " key is truncated (no key data after the type)");
        }
        byte[] blob;
        try {
            blob = Base64.getDecoder().decode(parts[1]);
        } catch (IllegalArgumentException e) {
            throw new KeyFormatException("the " + type + " key data is not valid base64");
        }
        return parseBlob(type, blob);
    }

    /**
     * A key blob in the SSH wire format (RFC 4253 §6.6), as private key files and agents hold it: its
     * type is the blob's first field.
     */
    public static SshPublicKey parseBlob(byte[] blob) throws KeyFormatException {
        String type = new SshWireReader(blob).text();
        if (!KEY_FIELDS.containsKey(type) && !KEY_FIELDS.containsKey(plainType(type))) {
            throw new KeyFormatException("'" + printable(type) + "' is not an SSH public key type this auditor knows");
        }
        return parseBlob(type, blob);
    }

    /** A key blob in the SSH wire format whose type is already known from its line. */
    static SshPublicKey parseBlob(String type, byte[] blob) throws KeyFormatException {
        SshWireReader reader = new SshWireReader(blob);
        String inside = reader.text();
        if (!inside.equals(type)) {
            throw new KeyFormatException("the key data is of type '" + printable(inside) + "' but the line says '" + type + "'");
        }
        if (type.endsWith(CERT_SUFFIX)) {
            return certificate(type, reader);
        }
        return new SshPublicKey(type, describe(type, blob), type.startsWith("sk-"), fingerprint(blob), Optional.empty());
    }

    private static SshPublicKey certificate(String type, SshWireReader reader) throws KeyFormatException {
        String plain = plainType(type);
        reader.string(); // nonce
        int keyStart = reader.position();
        for (int i = 0; i < KEY_FIELDS.get(plain); i++) {
            reader.string();
        }
        byte[] keyFields = reader.slice(keyStart);
        reader.uint64(); // serial
        long kind = reader.uint32();
        reader.string(); // key id: a name chosen by the CA, not needed
        reader.string(); // principals
        long validAfter = reader.uint64();
        long validBefore = reader.uint64();
        reader.string(); // critical options
        reader.string(); // extensions
        reader.string(); // reserved
        byte[] caBlob = reader.string();
        reader.string(); // signature
        if (reader.hasMore()) {
            throw new KeyFormatException("the certificate has unexpected data after its signature");
        }
        byte[] plainBlob = concat(wireString(plain.getBytes(StandardCharsets.UTF_8)), keyFields);
        SshWireReader ca = new SshWireReader(caBlob);
        String caType = ca.text();
        if (!KEY_FIELDS.containsKey(caType)) {
            throw new KeyFormatException("the certificate's CA key is of unknown type '" + printable(caType) + "'");
        }
        SshCertificate cert = new SshCertificate(kind == 1 ? "user" : kind == 2 ? "host" : "unknown (" + kind + ")",
                validAfter == 0 ? Optional.empty() : Optional.of(instant(validAfter)),
                validBefore < 0 || validBefore >= Instant.MAX.getEpochSecond() ? Optional.empty() : Optional.of(instant(validBefore)),
                describe(caType, caBlob));
        return new SshPublicKey(type, describe(plain, plainBlob), plain.startsWith("sk-"), fingerprint(plainBlob),
                Optional.of(cert));
    }

    private static KeyDescription describe(String type, byte[] blob) throws KeyFormatException {
        AsymmetricKeyParameter key;
        try {
            key = OpenSSHPublicKeyUtil.parsePublicKey(blob);
        } catch (RuntimeException e) {
            throw new KeyFormatException("the " + type + " key data is malformed or truncated");
        }
        if (key instanceof RSAKeyParameters rsa) {
            return KeyDescription.sized(KeyAlgorithm.RSA, rsa.getModulus().bitLength());
        }
        if (key instanceof DSAPublicKeyParameters dsa) {
            return KeyDescription.sized(KeyAlgorithm.DSA, dsa.getParameters().getP().bitLength());
        }
        if (key instanceof ECPublicKeyParameters ec) {
            int bits = ec.getParameters().getCurve().getFieldSize();
            return KeyDescription.curve(KeyAlgorithm.ECDSA, "NIST P-" + bits, bits);
        }
        if (key instanceof Ed25519PublicKeyParameters) {
            // 256 as ssh-keygen -l prints it.
            return KeyDescription.curve(KeyAlgorithm.EDDSA, "Ed25519", 256);
        }
        throw new KeyFormatException("the " + type + " key is of a kind this auditor cannot size");
    }

    /** {@code ssh-rsa-cert-v01@openssh.com} -> {@code ssh-rsa}; {@code sk-ssh-ed25519-cert-v01@openssh.com} -> {@code sk-ssh-ed25519@openssh.com}. */
    private static String plainType(String type) {
        if (!type.endsWith(CERT_SUFFIX)) {
            return type;
        }
        String base = type.substring(0, type.length() - CERT_SUFFIX.length());
        return base.startsWith("sk-") ? base + "@openssh.com" : base;
    }

    /** {@code SHA256:} and the unpadded base64 of the blob's SHA-256, as {@code ssh-keygen -l} prints it. */
    public static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static Instant instant(long epochSeconds) {
        return Instant.ofEpochSecond(Math.min(epochSeconds, Instant.MAX.getEpochSecond()));
    }

    private static byte[] wireString(byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int n = value.length;
        out.write(n >>> 24);
        out.write(n >>> 16);
        out.write(n >>> 8);
        out.write(n);
        out.writeBytes(value);
        return out.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(60).forEach(c -> b.appendCodePoint(c < 0x20 || c == 0x7F ? '?' : c));
        return b.toString();
    }
}
