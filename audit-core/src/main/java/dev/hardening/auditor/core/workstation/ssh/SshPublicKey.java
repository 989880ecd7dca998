package dev.hardening.auditor.core.workstation.ssh;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * An SSH public key in its wire form (RFC 4253 section 6.6): its type, size and the fingerprint
 * {@code ssh-keygen -l} prints ({@code SHA256:} and the unpadded base64 of the blob's SHA-256).
 *
 * @param type        e.g. {@code ssh-ed25519}, {@code ssh-rsa}, {@code sk-ecdsa-sha2-nistp256@openssh.com}
 * @param bits        modulus size (RSA), {@code p} size (DSA), curve size (ECDSA), 256 (Ed25519)
 * @param fingerprint {@code SHA256:...}
 */
public record SshPublicKey(String type, int bits, String fingerprint) {

    /** Reads a public key blob; empty when it is not one. */
    public static Optional<SshPublicKey> fromBlob(byte[] blob) {
        try {
            SshWire in = new SshWire(blob);
            String type = in.string();
            int bits = switch (type) {
                case "ssh-rsa" -> {
                    in.mpint();
                    yield in.mpint().bitLength();
                }
                case "ssh-dss" -> in.mpint().bitLength();
                case "ssh-ed25519", "sk-ssh-ed25519@openssh.com" -> 256;
                case "ssh-ed448" -> 456;
                case "ecdsa-sha2-nistp256", "sk-ecdsa-sha2-nistp256@openssh.com" -> curveBits(in.string(), 256);
                case "ecdsa-sha2-nistp384" -> curveBits(in.string(), 384);
                case "ecdsa-sha2-nistp521" -> curveBits(in.string(), 521);
                default -> 0;
            };
            if (bits == 0 && !type.contains("-")) {
                return Optional.empty();
            }
            return Optional.of(new SshPublicKey(type, bits, fingerprint(blob)));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    /** Reads an {@code authorized_keys}-style line: {@code type base64 [comment]}. */
    public static Optional<SshPublicKey> fromLine(String line) {
        if (line == null) {
            return Optional.empty();
        }
        String[] parts = line.strip().split("\\s+");
        for (int i = 0; i + 1 < parts.length; i++) {
            if (parts[i].startsWith("ssh-") || parts[i].startsWith("ecdsa-") || parts[i].startsWith("sk-")) {
                try {
                    Optional<SshPublicKey> key = fromBlob(Base64.getDecoder().decode(parts[i + 1]));
                    if (key.isPresent() && key.get().type().equals(parts[i])) {
                        return key;
                    }
                } catch (IllegalArgumentException notBase64) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    static String fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static int curveBits(String curve, int expected) {
        return switch (curve) {
            case "nistp256" -> 256;
            case "nistp384" -> 384;
            case "nistp521" -> 521;
            default -> expected;
        };
    }

    /** Bounded reader of SSH wire types; every overrun is an IllegalArgumentException. */
    static final class SshWire {
        private final ByteBuffer buffer;

        SshWire(byte[] bytes) {
            this.buffer = ByteBuffer.wrap(bytes);
        }

        int uint32() {
            if (buffer.remaining() < 4) {
                throw new IllegalArgumentException("truncated");
            }
            return buffer.getInt();
        }

        byte[] bytes() {
            int n = uint32();
            if (n < 0 || n > buffer.remaining()) {
                throw new IllegalArgumentException("length out of range");
            }
            byte[] out = new byte[n];
            buffer.get(out);
            return out;
        }

        String string() {
            return new String(bytes(), StandardCharsets.ISO_8859_1);
        }

        BigInteger mpint() {
            byte[] b = bytes();
            return b.length == 0 ? BigInteger.ZERO : new BigInteger(b);
        }

        byte[] fixed(int n) {
            if (n < 0 || n > buffer.remaining()) {
                throw new IllegalArgumentException("truncated");
            }
            byte[] out = new byte[n];
            buffer.get(out);
            return out;
        }
    }
}
