package dev.hardening.auditor.core.workstation.ssh;

import dev.hardening.auditor.core.facts.workstation.SshPrivateKey;
import dev.hardening.auditor.core.keys.KeyFormatException;
import dev.hardening.auditor.core.keys.SshPublicKey;
import dev.hardening.auditor.core.keys.SshPublicKeys;
import dev.hardening.auditor.core.keys.SshWireReader;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.params.DSAPrivateKeyParameters;
import org.bouncycastle.crypto.params.DSAPublicKeyParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.RSAKeyParameters;
import org.bouncycastle.crypto.params.RSAPrivateCrtKeyParameters;
import org.bouncycastle.crypto.util.OpenSSHPublicKeyUtil;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PublicKeyFactory;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Describes a private key file without using its secret: format, type, size, whether a passphrase
 * protects it, and the public key's fingerprint. Understands OpenSSH's own format
 * ({@code openssh-key-v1}, whose public key and cipher name are stored in the clear), PEM
 * (PKCS#1 RSA, DSA and SEC1 EC, encrypted with {@code Proc-Type: 4,ENCRYPTED} or not), PKCS#8
 * (encrypted or not) and PuTTY's {@code .ppk}. For an encrypted key whose public part is not in
 * the file, the {@code .pub} file beside it supplies type and size. Public keys are read with
 * {@link SshPublicKeys} (Bouncy Castle). Passphrases are never tried.
 */
public final class SshKeyParser {
    private static final String OPENSSH_BEGIN = "-----BEGIN OPENSSH PRIVATE KEY-----";
    private static final String OPENSSH_END = "-----END OPENSSH PRIVATE KEY-----";
    private static final byte[] OPENSSH_MAGIC = "openssh-key-v1\0".getBytes(StandardCharsets.US_ASCII);
    /** What an SSH key type name looks like ({@code ssh-ed448}, {@code sk-ssh-ed25519@openssh.com}). */
    private static final Pattern KEY_TYPE = Pattern.compile("[a-z0-9][a-z0-9.@-]{2,63}");

    private SshKeyParser() {
    }

    /** Whether the text is a private key file of a format this parser knows. */
    public static boolean looksLikePrivateKey(String text) {
        return text.contains(OPENSSH_BEGIN) || text.matches("(?s).*-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----.*")
                || text.startsWith("PuTTY-User-Key-File-");
    }

    /**
     * @param text      the private key file
     * @param shownPath the file as shown in evidence
     * @param publicKey the {@code .pub} file beside it, if any
     */
    public static Optional<SshPrivateKey> parse(String text, String shownPath, Optional<String> publicKey) {
        if (!looksLikePrivateKey(text)) {
            return Optional.empty();
        }
        Optional<SshPublicKey> companion = publicKey.flatMap(SshKeyParser::publicKeyFile);
        try {
            if (text.contains(OPENSSH_BEGIN)) {
                return Optional.of(openssh(text, shownPath));
            }
            if (text.startsWith("PuTTY-User-Key-File-")) {
                return Optional.of(putty(text, shownPath));
            }
            return Optional.of(pem(text, shownPath, companion));
        } catch (IOException | KeyFormatException | RuntimeException e) {
            return Optional.of(new SshPrivateKey(shownPath, "unreadable", companion.map(SshPublicKey::type).orElse(""),
                    companion.map(SshKeyParser::bits).orElse(0), false, "",
                    companion.map(SshPublicKey::fingerprint), "the key file is malformed or truncated"));
        }
    }

    /** The key of a {@code .pub} file (its first key line); empty when it holds none this auditor reads. */
    static Optional<SshPublicKey> publicKeyFile(String text) {
        Optional<String> line = text.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst();
        if (line.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(SshPublicKeys.parse(line.get()));
        } catch (KeyFormatException e) {
            return Optional.empty();
        }
    }

    /** Modulus size (RSA, DSA), curve size (ECDSA), 256 (Ed25519); 0 when not known. */
    private static int bits(SshPublicKey key) {
        return key.description().bits().orElse(0);
    }

    /** {@code openssh-key-v1}: magic, cipher, kdf, kdf options, key count, public keys, then the (encrypted) private part. */
    private static SshPrivateKey openssh(String text, String shownPath) throws KeyFormatException {
        int begin = text.indexOf(OPENSSH_BEGIN) + OPENSSH_BEGIN.length();
        int end = text.indexOf(OPENSSH_END, begin);
        if (end < 0) {
            throw new IllegalArgumentException("no end line");
        }
        byte[] bytes = Base64.getMimeDecoder().decode(text.substring(begin, end).strip());
        try {
            if (bytes.length < OPENSSH_MAGIC.length || !Arrays.equals(Arrays.copyOf(bytes, OPENSSH_MAGIC.length), OPENSSH_MAGIC)) {
                throw new IllegalArgumentException("not openssh-key-v1");
            }
            SshWireReader in = new SshWireReader(Arrays.copyOfRange(bytes, OPENSSH_MAGIC.length, bytes.length));
            String cipher = in.text();
            in.string(); // kdf name
            in.string(); // kdf options
            long keys = in.uint32();
            if (keys < 1 || keys > 16) {
                throw new IllegalArgumentException("unexpected key count");
            }
            byte[] blob = in.string();
            boolean encrypted = !cipher.equals("none");
            try {
                SshPublicKey pub = SshPublicKeys.parseBlob(blob);
                return new SshPrivateKey(shownPath, "openssh-key-v1", pub.type(), bits(pub), encrypted, cipher,
                        Optional.of(pub.fingerprint()), "");
            } catch (KeyFormatException unreadable) {
                // A well-named key type this auditor cannot size is still a private key, with or without a passphrase.
                String type = new SshWireReader(blob).text();
                if (!KEY_TYPE.matcher(type).matches()) {
                    throw unreadable;
                }
                return new SshPrivateKey(shownPath, "openssh-key-v1", type, 0, encrypted, cipher,
                        Optional.of(SshPublicKeys.fingerprint(blob)), unreadable.getMessage());
            }
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static SshPrivateKey pem(String text, String shownPath, Optional<SshPublicKey> companion)
            throws IOException, KeyFormatException {
        String header = text.substring(text.indexOf("-----BEGIN ") + 11, text.indexOf("-----", text.indexOf("-----BEGIN ") + 11));
        String format = switch (header) {
            case "RSA PRIVATE KEY", "DSA PRIVATE KEY" -> "PEM (PKCS#1)";
            case "EC PRIVATE KEY" -> "PEM (SEC1)";
            case "PRIVATE KEY", "ENCRYPTED PRIVATE KEY" -> "PEM (PKCS#8)";
            default -> "PEM (" + header + ")";
        };
        Object parsed;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            parsed = parser.readObject();
        }
        if (parsed instanceof PEMKeyPair pair) {
            return described(shownPath, format, publicOf(pair.getPublicKeyInfo()), false, "none");
        }
        if (parsed instanceof PrivateKeyInfo info) {
            return described(shownPath, format, publicOf(PrivateKeyFactory.createKey(info)), false, "none");
        }
        if (parsed instanceof PEMEncryptedKeyPair encrypted) {
            return encrypted(shownPath, format, encrypted.getDekAlgName(), typeOfHeader(header), companion);
        }
        if (parsed instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
            String algorithm = encrypted.getEncryptionAlgorithm().getAlgorithm().getId();
            return encrypted(shownPath, format, "PKCS#8 " + pkcs8Scheme(algorithm), "", companion);
        }
        throw new IllegalArgumentException("not a private key");
    }

    private static SshPrivateKey encrypted(String shownPath, String format, String cipher, String headerType,
                                           Optional<SshPublicKey> companion) {
        String type = companion.map(SshPublicKey::type).orElse(headerType);
        return new SshPrivateKey(shownPath, format, type, companion.map(SshKeyParser::bits).orElse(0), true, cipher,
                companion.map(SshPublicKey::fingerprint),
                companion.isPresent() ? "" : "encrypted; its size is unknown without the .pub file beside it");
    }

    private static SshPrivateKey described(String shownPath, String format, AsymmetricKeyParameter publicKey, boolean encrypted,
                                           String cipher) throws IOException, KeyFormatException {
        SshPublicKey pub = SshPublicKeys.parseBlob(OpenSSHPublicKeyUtil.encodePublicKey(publicKey));
        return new SshPrivateKey(shownPath, format, pub.type(), bits(pub), encrypted, cipher, Optional.of(pub.fingerprint()), "");
    }

    private static AsymmetricKeyParameter publicOf(SubjectPublicKeyInfo info) throws IOException {
        return PublicKeyFactory.createKey(info);
    }

    /** The public half of an unencrypted private key, computed from the private numbers. */
    private static AsymmetricKeyParameter publicOf(AsymmetricKeyParameter priv) {
        if (priv instanceof RSAPrivateCrtKeyParameters rsa) {
            return new RSAKeyParameters(false, rsa.getModulus(), rsa.getPublicExponent());
        }
        if (priv instanceof DSAPrivateKeyParameters dsa) {
            BigInteger y = dsa.getParameters().getG().modPow(dsa.getX(), dsa.getParameters().getP());
            return new DSAPublicKeyParameters(y, dsa.getParameters());
        }
        if (priv instanceof ECPrivateKeyParameters ec) {
            return new ECPublicKeyParameters(ec.getParameters().getG().multiply(ec.getD()).normalize(), ec.getParameters());
        }
        if (priv instanceof Ed25519PrivateKeyParameters ed) {
            return ed.generatePublicKey();
        }
        throw new IllegalArgumentException("unsupported key type " + priv.getClass().getSimpleName());
    }

    private static String typeOfHeader(String header) {
        return switch (header) {
            case "RSA PRIVATE KEY" -> "ssh-rsa";
            case "DSA PRIVATE KEY" -> "ssh-dss";
            case "EC PRIVATE KEY" -> "ecdsa";
            default -> "";
        };
    }

    private static String pkcs8Scheme(String oid) {
        return switch (oid) {
            case "1.2.840.113549.1.5.13" -> "PBES2";
            case "1.2.840.113549.1.12.1.3" -> "PBE-SHA1-3DES";
            default -> oid;
        };
    }

    /** PuTTY {@code .ppk}: {@code Encryption:} in the clear, and the public key in {@code Public-Lines}. */
    private static SshPrivateKey putty(String text, String shownPath) throws KeyFormatException {
        String cipher = "";
        StringBuilder publicBase64 = new StringBuilder();
        String[] lines = text.split("\r\n|\r|\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.startsWith("Encryption:")) {
                cipher = line.substring(11).strip().toLowerCase(Locale.ROOT);
            } else if (line.startsWith("Public-Lines:")) {
                int n = Integer.parseInt(line.substring(13).strip());
                for (int k = 1; k <= n && i + k < lines.length; k++) {
                    publicBase64.append(lines[i + k].strip());
                }
            }
        }
        String version = text.substring("PuTTY-User-Key-File-".length(), text.indexOf(':'));
        SshPublicKey pub = SshPublicKeys.parseBlob(Base64.getDecoder().decode(publicBase64.toString()));
        return new SshPrivateKey(shownPath, "PuTTY .ppk v" + version, pub.type(), bits(pub), !cipher.equals("none"), cipher,
                Optional.of(pub.fingerprint()), "");
    }
}
