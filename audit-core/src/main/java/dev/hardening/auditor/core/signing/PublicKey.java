package dev.hardening.auditor.core.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * An Ed25519 public key: what auditors and team leads are given to verify signed snapshots. Written
 * as PEM ({@code -----BEGIN PUBLIC KEY-----}, SubjectPublicKeyInfo as in RFC 8410, readable by
 * {@code openssl pkey -pubin}); named by its key id, {@code sha256:} and the first 32 hex digits of
 * the SHA-256 of the 32 raw key bytes.
 */
public final class PublicKey {
    private static final String BEGIN = "-----BEGIN PUBLIC KEY-----";
    private static final String END = "-----END PUBLIC KEY-----";
    private static final int MAX_PEM_CHARS = 4096;

    private final byte[] raw;

    private PublicKey(byte[] raw) {
        this.raw = raw.clone();
    }

    /** From the 32 raw bytes. */
    public static PublicKey ofRaw(byte[] raw) {
        if (raw.length != Ed25519PublicKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 public key has 32 bytes, found " + raw.length);
        }
        return new PublicKey(raw);
    }

    /** Reads a PEM public key; anything else (a private key, an RSA key, garbage) is refused with a reason. */
    public static PublicKey fromPem(String pem) {
        if (pem.length() > MAX_PEM_CHARS) {
            throw new IllegalArgumentException("not an Ed25519 public key: the text is too long for one");
        }
        String text = pem.strip();
        if (text.contains("PRIVATE KEY")) {
            throw new IllegalArgumentException("this is a private key; give the public key (auditor keys export)");
        }
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("not a PEM public key (expected " + BEGIN + " ... " + END + ")");
        }
        String body = text.substring(begin + BEGIN.length(), end).replaceAll("\\s+", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a PEM public key: the base64 body is damaged");
        }
        AsymmetricKeyParameter key;
        try {
            key = PublicKeyFactory.createKey(SubjectPublicKeyInfo.getInstance(der));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a readable public key (" + e.getClass().getSimpleName() + ")");
        }
        if (!(key instanceof Ed25519PublicKeyParameters ed)) {
            throw new IllegalArgumentException("not an Ed25519 key (found " + key.getClass().getSimpleName()
                    .replace("PublicKeyParameters", "").replace("KeyParameters", "") + ")");
        }
        return ofRaw(ed.getEncoded());
    }

    public byte[] raw() {
        return raw.clone();
    }

    public String base64() {
        return Base64.getEncoder().encodeToString(raw);
    }

    public String keyId() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(raw);
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    public String toPem() {
        byte[] der;
        try {
            der = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(new Ed25519PublicKeyParameters(raw, 0))
                    .getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("an Ed25519 key always encodes", e);
        }
        String b64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return BEGIN + "\n" + b64 + "\n" + END + "\n";
    }

    public boolean verify(byte[] message, byte[] signature) {
        if (signature.length != Ed25519PrivateKeyParameters.SIGNATURE_SIZE) {
            return false;
        }
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, new Ed25519PublicKeyParameters(raw, 0));
        verifier.update(message, 0, message.length);
        return verifier.verifySignature(signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PublicKey other && Arrays.equals(raw, other.raw);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "PublicKey[" + keyId() + "]";
    }
}
